import { z } from "zod";
import { unitCodeSchema } from "./units";

export const surveyIdSchema = z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/, "问卷编号格式不正确");

export const createPosterSchema = z.object({
  unitCode: unitCodeSchema,
  surveyId: surveyIdSchema,
});
