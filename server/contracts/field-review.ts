import { z } from "zod";
import { calendarDaySchema } from "./calendar-day";
import { BACK_CHECK_MODES, COUNTED_POLICIES, REVIEW_STATES, SETTABLE_STATES } from "./field-review-states";
import { unitCodeSchema } from "./units";

export * from "./field-review-states";

const day = calendarDaySchema;
const username = z.string().trim().min(1).max(64);

/** GET /api/v1/field-review/interviews: the supervisor's queue (default: 待审核 in the caller's scope). */
export const reviewQueueQuerySchema = z
  .object({
    unit: unitCodeSchema.optional(),
    interviewer: username.optional(),
    state: z.enum([...REVIEW_STATES, "any"]).default("pending"),
    from: day.optional(),
    to: day.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "开始日期不能晚于结束日期", path: ["from"] });
export type ReviewQueueQuery = z.output<typeof reviewQueueQuerySchema>;

/** POST /api/v1/field-review/interviews/{id}/state: 通过 / 退回 / 存疑; 退回 and 存疑 need a reason. */
export const reviewStateBodySchema = z
  .object({
    state: z.enum(SETTABLE_STATES),
    reason: z.string().trim().max(500, "理由最多 500 字").optional(),
  })
  .strict();
export type ReviewStateBody = z.infer<typeof reviewStateBodySchema>;

/** PUT /api/v1/field-review/settings (admin). */
export const fieldReviewSettingsSchema = z
  .object({
    counted: z.enum(Object.keys(COUNTED_POLICIES) as [keyof typeof COUNTED_POLICIES, ...(keyof typeof COUNTED_POLICIES)[]]),
    /** Share of each interviewer's completed interviews drawn for a back-check (0.1 = 10%). */
    backCheckShare: z.number().min(0).max(1),
    /** Agreement below this (0.8 = 80%) flags the interviewer's unreviewed interviews 存疑. */
    agreementThreshold: z.number().min(0).max(1),
    /** Back-checks an interviewer needs before low agreement flags anything (one check is noise). */
    minBackChecks: z.number().int().min(1).max(100),
  })
  .strict();
export type FieldReviewSettings = z.infer<typeof fieldReviewSettingsSchema>;

/** POST /api/v1/field-review/back-checks/draw: draw for the interviews in a unit's subtree (default: scope), optional days. */
export const backCheckDrawSchema = z
  .object({ unit: unitCodeSchema.optional(), from: day.optional(), to: day.optional() })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "开始日期不能晚于结束日期", path: ["from"] });

export const backCheckListQuerySchema = z.object({
  unit: unitCodeSchema.optional(),
  status: z.enum(["open", "done", "any"]).default("open"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

/** POST /api/v1/field-review/back-checks/{id}: the answers the checker heard again. */
export const backCheckSubmitSchema = z
  .object({
    mode: z.enum(BACK_CHECK_MODES),
    answers: z.record(z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/), z.unknown()),
    note: z.string().trim().max(500).optional(),
  })
  .strict();
export type BackCheckSubmit = z.infer<typeof backCheckSubmitSchema>;

export const agreementQuerySchema = z.object({ unit: unitCodeSchema.optional() });
