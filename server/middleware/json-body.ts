import { validator } from "hono/validator";
import type { z } from "zod";
import { ApiError } from "../errors";
import { findJsonLimitBreach } from "../lib/json-limits";

const JSON_TYPE = /^application\/([a-z.+-]+\+)?json(;|$)/i;

/**
 * Validates a JSON body with zod at the edge and types it for handlers and `hc` clients.
 * Not JSON -> 400 `invalid_json`; JSON past the depth and size limits of server/lib/json-limits.ts
 * (checked before zod or anything else recursive sees it) or of the wrong shape -> 422
 * `invalid_request` with issues.
 *
 * @example .post("/", jsonBody(loginSchema), async (c) => { const { username } = c.req.valid("json"); })
 */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return validator("json", (value, c): z.output<T> => {
    if (!JSON_TYPE.test(c.req.header("content-type") ?? "")) {
      throw new ApiError(400, "invalid_json", "请求体必须是 JSON (Content-Type: application/json)");
    }
    const breach = findJsonLimitBreach(value);
    if (breach) throw new ApiError(422, "invalid_request", "请求内容过深或过大", [breach]);
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      throw new ApiError(
        422,
        "invalid_request",
        "请求内容不符合接口要求",
        parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
      );
    }
    return parsed.data;
  });
}
