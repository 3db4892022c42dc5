import type { ContentfulStatusCode } from "hono/utils/http-status";

export interface ErrorIssue {
  question?: string;
  path?: string;
  message: string;
}

/**
 * The HTTP refusal routes and middleware throw at the edge (bad JSON, not signed in, a capability
 * the runtime lacks); `onError` in app.ts turns it into `{"error": {"code", "message", "issues"?}}`
 * with its status. Services throw a domain `Refusal` instead (services/refusal.ts).
 *
 * @example throw new ApiError(422, "unknown_survey", "问卷不存在");
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues?: ErrorIssue[],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const notFound = (what: string) => new ApiError(404, "not_found", `${what}不存在`);
export const unauthorized = () => new ApiError(401, "unauthorized", "请先登录");
export const forbidden = (message = "无权访问该单位的数据") => new ApiError(403, "forbidden", message);
