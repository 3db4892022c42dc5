import { z } from "zod";
import { surveyIdSchema } from "./posters";
import { unitCodeSchema } from "./units";

const instant = z.iso.datetime({ offset: true, message: "时间格式应为 ISO 8601" });

/**
 * POST /api/v1/responses (DESIGN.md §4). The envelope is checked here; the answers themselves
 * are checked against the survey version by the validator.
 */
export const submitResponseSchema = z.object({
  id: z.uuid({ message: "id 必须是 UUID" }),
  surveyId: surveyIdSchema,
  surveyVersion: z.number().int().positive(),
  channel: z.enum(["qr", "interview"]),
  answers: z.record(z.string().min(1).max(200), z.unknown()),
  startedAt: instant,
  completedAt: instant,
  deviceId: z.string().trim().min(1).max(128),
  token: z.string().max(200).optional(),
  unitCode: unitCodeSchema.optional(),
});

export type SubmitResponse = z.infer<typeof submitResponseSchema>;
