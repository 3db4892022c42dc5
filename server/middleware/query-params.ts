import { validator } from "hono/validator";
import type { z } from "zod";
import { ApiError } from "../errors";

/**
 * Validates the query string with zod at the edge; a bad parameter is 422 `invalid_request`.
 *
 * @example .get("/", queryParams(z.object({ unit: unitCodeSchema })), (c) => c.req.valid("query").unit)
 */
export function queryParams<T extends z.ZodType>(schema: T) {
  return validator("query", (value): z.output<T> => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      throw new ApiError(
        422,
        "invalid_request",
        "查询参数不符合接口要求",
        parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
      );
    }
    return parsed.data;
  });
}
