import { z } from "zod";
import { unitCodeSchema } from "./units";

export const surveyIdSchema = z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/, "问卷编号格式不正确");

export const createPosterSchema = z.object({
  unitCode: unitCodeSchema,
  surveyId: surveyIdSchema,
});

/** POST /api/v1/posters/batch: one poster per community of a subdistrict. */
export const createPosterBatchSchema = z.object({
  subdistrictCode: unitCodeSchema,
  surveyId: surveyIdSchema,
});

/** GET /api/v1/posters: filters; `ids` is a comma-separated list (the batch print view). */
export const listPostersQuerySchema = z.object({
  unit: unitCodeSchema.optional(),
  surveyId: surveyIdSchema.optional(),
  ids: z
    .string()
    .regex(/^[A-Za-z0-9_-]{6,32}(,[A-Za-z0-9_-]{6,32}){0,499}$/, "ids 应为逗号分隔的海报编号")
    .optional()
    .transform((v) => v?.split(",")),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
