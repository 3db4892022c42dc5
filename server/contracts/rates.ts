import { z } from "zod";
import { calendarDaySchema } from "./calendar-day";
import { METRICS } from "../../surveys/properties";
import { UNIT_KINDS } from "./unit-kinds";
import { unitCodeSchema } from "./units";

const day = calendarDaySchema;

export const AUDIENCES = ["resident", "shopkeeper", "parent"] as const;
export const CHANNELS = ["qr", "interview"] as const;

/** The dashboard's filters, shared by the rates reads and the answer export. */
export const ratesQueryShape = z.object({
  unit: unitCodeSchema,
  audience: z.enum(AUDIENCES).optional(),
  channel: z.enum(CHANNELS).optional(),
  from: day.optional(),
  to: day.optional(),
  includeFlagged: z
    .enum(["0", "1", "true", "false"])
    .optional()
    .transform((v) => v === "1" || v === "true"),
});
export const fromNotAfterTo = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
export const fromAfterTo = { message: "起始日期晚于结束日期", path: ["from"] };

/** Query of GET /api/v1/rates (docs/design.md §4) and of the other dashboard reads. */
export const ratesQuerySchema = ratesQueryShape.refine(fromNotAfterTo, fromAfterTo);

/** Query of GET /api/v1/rates/ranking (docs/design.md §7): the rates filters, a metric, a kind of child. */
export const rankingQuerySchema = ratesQueryShape
  .extend({ metric: z.enum(METRICS), kind: z.enum(UNIT_KINDS).optional() })
  .refine(fromNotAfterTo, fromAfterTo);

export type RatesQuery = z.output<typeof ratesQuerySchema>;

const rate = z.number().min(0).max(1);
const perMetric = <T extends z.ZodType>(t: T) =>
  z.object(Object.fromEntries(METRICS.map((m) => [m, t])) as Record<(typeof METRICS)[number], T>);

/** GET /api/v1/settings/thresholds: the unit whose settings to show (default: the caller's scope). */
export const rateSettingsQuerySchema = z.object({ unit: unitCodeSchema.optional() });

/**
 * PUT /api/v1/settings/thresholds: any subset of metrics; minRespondents applies to all metrics.
 * `unit` (default: the caller's scope) is the unit whose subtree the values apply to; a null
 * value removes the unit's own value, so it inherits it from further up again.
 */
export const rateSettingsUpdateSchema = z
  .object({
    unit: unitCodeSchema.optional(),
    threshold: perMetric(rate.nullable()).partial().strict().optional(),
    minRespondents: z.number().int().min(1).max(100_000).nullable().optional(),
  })
  .strict();

export type RateSettingsUpdate = z.infer<typeof rateSettingsUpdateSchema>;
