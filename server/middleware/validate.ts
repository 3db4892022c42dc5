import { zValidator } from "@hono/zod-validator";
import type { MiddlewareHandler } from "hono";
import { resolver, uniqueSymbol } from "hono-openapi";
import type { z } from "zod";
import { ApiError } from "../errors";
import { findJsonLimitBreach } from "../lib/json-limits";

/**
 * JSON media types we read. Hono's validator reads a body only when its media type is
 * `application/[x+]json`; this is the same rule on the raw header, so a body Hono would not read
 * is refused here as not JSON instead of being validated as `{}`.
 */
const JSON_TYPE = /^application\/([a-z.-]+\+)?json(;|$)/i;

type Target = "json" | "query";

const REFUSAL: Record<Target, string> = {
  json: "请求内容不符合接口要求",
  query: "查询参数不符合接口要求",
};

/**
 * The one hook of every zValidator here: a schema failure is our 422 `invalid_request` with one
 * issue per field, never zValidator's own 400 `{success:false}` body (docs/design.md §4 error shape).
 */
function refuseInvalid(result: {
  success: boolean;
  error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
  target: string;
}): void {
  if (result.success || !result.error) return;
  const message = REFUSAL[result.target as Target] ?? REFUSAL.json;
  const issues = result.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
  throw new ApiError(422, "invalid_request", message, issues);
}

/**
 * The shape checks of server/lib/json-limits.ts run on the parsed body before zod or anything
 * else recursive sees it (a 5,000-deep array overflowed the stack once: issue 11, hole 7).
 */
function parseWithinLimits<T extends z.ZodType>(schema: T, value: unknown) {
  const breach = findJsonLimitBreach(value);
  if (breach) throw new ApiError(422, "invalid_request", "请求内容过深或过大", [breach]);
  return schema.safeParse(value);
}

/**
 * Marks a validator for hono-openapi's generator, which finds a route's request body and
 * parameters under `uniqueSymbol` on its handlers: the document is built from the very schema
 * that validates. `unrepresentable: "any"` lets checks JSON Schema cannot say (custom refinements)
 * appear as "any value" instead of failing the whole document.
 */
function documented<H extends MiddlewareHandler>(handler: H, target: Target, schema: z.ZodType): H {
  return Object.assign(handler, { [uniqueSymbol]: { ...resolver(schema, { unrepresentable: "any" }), target } });
}

/**
 * Validates a JSON body with zod at the edge; the handler reads it typed with `c.req.valid("json")`
 * and `hc` clients send the schema's input type (fields with defaults stay optional).
 * Not JSON -> 400 `invalid_json` (Content-Type first, then the parse); past the JSON limits or of
 * the wrong shape -> 422 `invalid_request` with issues. A too-large body was refused with 413
 * before this (middleware/body-limit.ts).
 *
 * @example .post("/", jsonBody(loginSchema), async (c) => { const { username } = c.req.valid("json"); })
 */
export function jsonBody<T extends z.ZodType>(schema: T) {
  const validate = zValidator("json", schema, refuseInvalid, {
    // zValidator types this result as a conditional on the schema's type, which TypeScript
    // cannot resolve for a generic schema; it is zod's own safeParse result all the same.
    validationFunction: (s, value) => parseWithinLimits(s, value) as never,
  });
  const requireJson: typeof validate = async (c, next) => {
    if (!JSON_TYPE.test(c.req.header("content-type") ?? "")) {
      throw new ApiError(400, "invalid_json", "请求体必须是 JSON (Content-Type: application/json)");
    }
    return validate(c, next);
  };
  return documented(requireJson, "json", schema);
}

/**
 * Validates the query string with zod at the edge; a bad parameter is 422 `invalid_request`.
 * `hc` clients send the schema's input (a parameter with a default, like `includeFlagged`, may
 * be left out); the handler reads its output.
 *
 * @example .get("/", queryParams(z.object({ unit: unitCodeSchema })), (c) => c.req.valid("query").unit)
 */
export function queryParams<T extends z.ZodType>(schema: T) {
  return documented(zValidator("query", schema, refuseInvalid), "query", schema);
}
