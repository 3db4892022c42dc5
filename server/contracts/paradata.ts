import { z } from "zod";
import { calendarDaySchema } from "./calendar-day";
import { surveyIdSchema } from "./posters";
import { unitCodeSchema } from "./units";

import { PARADATA_MAX_PAGES, PARADATA_MAX_QUESTIONS } from "./paradata-limits";

export { PARADATA_MAX_PAGES, PARADATA_MAX_QUESTIONS } from "./paradata-limits";
const DAY_MS = 24 * 60 * 60 * 1000;
const name = z.string().min(1).max(200);

/**
 * Optional `paradata` of an interview submission (issue 16 part 6), measured by the tablet's
 * runner: milliseconds on each page (summed over returns to it) and how often each answer was
 * changed after it was first given. Arrays, not records, so no key can be `__proto__`; a page or
 * question named twice is refused. Not part of the content hash: it describes how the answers
 * were given, not what they are. GPS is the visit's (consented) fix, not repeated here.
 */
export const paradataSchema = z
  .object({
    pages: z
      .array(z.object({ page: name, ms: z.number().int().min(0).max(DAY_MS) }).strict())
      .max(PARADATA_MAX_PAGES, `最多 ${PARADATA_MAX_PAGES} 页`),
    changes: z
      .array(z.object({ question: name, count: z.number().int().min(0).max(10_000) }).strict())
      .max(PARADATA_MAX_QUESTIONS, `最多 ${PARADATA_MAX_QUESTIONS} 题`),
  })
  .strict()
  .refine((p) => new Set(p.pages.map((x) => x.page)).size === p.pages.length, { message: "页面重复", path: ["pages"] })
  .refine((p) => new Set(p.changes.map((x) => x.question)).size === p.changes.length, { message: "题目重复", path: ["changes"] })
  .refine((p) => p.pages.reduce((n, x) => n + x.ms, 0) <= DAY_MS, { message: "总时长超过 24 小时", path: ["pages"] });
export type Paradata = z.infer<typeof paradataSchema>;

/** GET /api/v1/field-progress/qa: the interviewer QA table for a unit and days. */
const day = calendarDaySchema;
export const fieldQaQuerySchema = z
  .object({
    unit: unitCodeSchema.optional(),
    from: day.optional(),
    to: day.optional(),
    survey: surveyIdSchema.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "开始日期不能晚于结束日期", path: ["from"] });
export type FieldQaQuery = z.infer<typeof fieldQaQuerySchema>;

/** PUT /api/v1/units/{code}/center: the unit's centre, for distances in the QA table. */
export const unitCenterSchema = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).strict();
