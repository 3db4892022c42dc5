import { z } from "zod";
import { calendarDaySchema } from "./calendar-day";
import { surveyIdSchema } from "./posters";
import { unitCodeSchema } from "./units";

const day = calendarDaySchema;
const username = z.string().trim().min(1).max(64);

/** A bulk set covers at most this many days (a quarter), so one request writes a bounded number of rows. */
export const QUOTA_MAX_DAYS = 92;
/** Completed interviews one interviewer could plausibly do in one unit in one day. */
export const QUOTA_MAX_TARGET = 500;

const inOrder = (q: { from?: string | undefined; to?: string | undefined }) => !q.from || !q.to || q.from <= q.to;
const orderIssue = { message: "开始日期不能晚于结束日期", path: ["from"] };

/**
 * PUT /api/v1/quotas: the target M of completed interviews for one interviewer, leaf unit and
 * questionnaire on every day from `from` to `to` (inclusive); `target: null` removes those days' targets.
 */
export const quotaSetSchema = z
  .object({
    unitCode: unitCodeSchema,
    surveyId: surveyIdSchema,
    interviewer: username,
    from: day,
    to: day,
    target: z.number().int().min(0).max(QUOTA_MAX_TARGET).nullable(),
  })
  .strict()
  .refine(inOrder, orderIssue)
  .refine((q) => daysBetween(q.from, q.to) <= QUOTA_MAX_DAYS, { message: `一次最多设置 ${QUOTA_MAX_DAYS} 天`, path: ["to"] });
export type QuotaSet = z.infer<typeof quotaSetSchema>;

/** GET /api/v1/quotas: the targets inside a unit's subtree (default: the caller's scope), optional filters. */
export const quotaListQuerySchema = z
  .object({
    unit: unitCodeSchema.optional(),
    from: day.optional(),
    to: day.optional(),
    survey: surveyIdSchema.optional(),
    interviewer: username.optional(),
  })
  .refine(inOrder, orderIssue);
export type QuotaListQuery = z.infer<typeof quotaListQuerySchema>;

/** GET /api/v1/field-progress/plan and its export: progress against plan for a unit and days. */
export const planQuerySchema = z
  .object({
    unit: unitCodeSchema.optional(),
    from: day.optional(),
    to: day.optional(),
    survey: surveyIdSchema.optional(),
  })
  .refine(inOrder, orderIssue);
export type PlanQuery = z.infer<typeof planQuerySchema>;

export const planExportQuerySchema = z
  .object({
    unit: unitCodeSchema.optional(),
    from: day.optional(),
    to: day.optional(),
    survey: surveyIdSchema.optional(),
    format: z.enum(["csv", "xlsx"]).default("csv"),
  })
  .refine(inOrder, orderIssue);

/** Days from `from` to `to`, both included (1 for the same day). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}
