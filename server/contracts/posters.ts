import { z } from "zod";
import { unitCodeSchema } from "./units";

export const surveyIdSchema = z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/, "问卷编号格式不正确");

/**
 * One end of a poster's collection window: an ISO 8601 instant with its offset, stored as UTC;
 * null (or absent) leaves that end open. Years outside 2000-2099 are typing mistakes.
 */
const windowEnd = z.iso
  .datetime({ offset: true, message: "时间格式应为 ISO 8601（带时区）" })
  .transform((v) => new Date(v).toISOString())
  .refine((v) => v >= "2000-01-01" && v < "2100-01-01", "时间应在 2000 至 2099 年之间")
  .nullable()
  .optional();

const windowInOrder = (w: { startsAt?: string | null; endsAt?: string | null }) => !w.startsAt || !w.endsAt || w.startsAt < w.endsAt;
const windowOrderIssue = { message: "结束时间必须晚于开始时间", path: ["endsAt"] };

export const posterWindowFields = { startsAt: windowEnd, endsAt: windowEnd };

export const createPosterSchema = z
  .object({
    unitCode: unitCodeSchema,
    surveyId: surveyIdSchema,
    ...posterWindowFields,
  })
  .refine(windowInOrder, windowOrderIssue);

/** POST /api/v1/posters/batch: one poster per community of a subdistrict. */
export const createPosterBatchSchema = z
  .object({
    subdistrictCode: unitCodeSchema,
    surveyId: surveyIdSchema,
    ...posterWindowFields,
  })
  .refine(windowInOrder, windowOrderIssue);

/**
 * PATCH /api/v1/posters/:id: set (an instant) or clear (null) either end of the window. Strict:
 * anything else, such as `revokedAt`, is refused rather than silently ignored.
 */
export const updatePosterSchema = z
  .strictObject(posterWindowFields)
  .refine((w) => w.startsAt !== undefined || w.endsAt !== undefined, { message: "请给出 startsAt 或 endsAt", path: ["startsAt"] });

export type PosterWindowChange = z.infer<typeof updatePosterSchema>;

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

/** POST /api/v1/posters/:id/revoke: why, for the audit log (revocation is final). */
export const revokePosterSchema = z.object({
  reason: z.string().trim().min(2, "请写明撤销理由").max(500),
});
