import { describeRoute } from "hono-openapi";

/** The groups of the reference, in the order an integrator meets them. */
export type ApiTag =
  | "Auth"
  | "Users"
  | "Surveys"
  | "Units"
  | "Posters"
  | "Questionnaire"
  | "Responses"
  | "Field"
  | "Rates"
  | "Exports"
  | "Settings"
  | "Admin"
  | "Webhooks"
  | "Comments"
  | "Issue list"
  | "Reference";

/** A response: its description, or a description with a non-JSON media type (images, HTML). */
type ResponseSpec = string | { description: string; media: string };

const ERROR_CONTENT = { "application/json": { schema: { $ref: "#/components/schemas/Error" } } };

/**
 * The OpenAPI description of one route: its group, an English one-line summary and the statuses
 * it answers. Statuses from 400 up carry the one error body (`#/components/schemas/Error`); the
 * request body and parameters come from the route's validators (middleware/validate.ts).
 *
 * @example .get("/me", describe("Auth", "The logged-in user", { 200: "The user", 401: "Not logged in" }), handler)
 */
export function describe(tag: ApiTag, summary: string, responses: Record<number, ResponseSpec>, description?: string) {
  const described = Object.fromEntries(
    Object.entries(responses).map(([status, spec]) => {
      const text = typeof spec === "string" ? spec : spec.description;
      if (Number(status) >= 400) return [status, { description: text, content: ERROR_CONTENT }];
      if (typeof spec === "string") return [status, { description: text }];
      return [status, { description: text, content: { [spec.media]: {} } }];
    }),
  );
  return describeRoute({ tags: [tag], summary, ...(description ? { description } : {}), responses: described });
}

/** Statuses shared by many routes, spread into `describe`'s responses. */
export const REFUSALS = {
  /** A route behind requireRole. */
  signedIn: { 401: "Not logged in (unauthorized)", 403: "Role or unit not allowed (forbidden)" },
  /** A route with a JSON body. */
  body: {
    400: "Body is not JSON (invalid_json)",
    413: "Body over 64 KiB (payload_too_large)",
    422: "Body does not fit the schema (invalid_request, with issues)",
  },
  /** A route with query parameters. */
  query: { 422: "A query parameter does not fit (invalid_request, with issues)" },
  notFound: { 404: "Not found (not_found)" },
} as const;
