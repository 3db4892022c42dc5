import { z } from "zod";
import { AUDIENCES, fromAfterTo, fromNotAfterTo, ratesQueryShape } from "./rates";

/**
 * Profile questions the cross-tab may split by, across the three questionnaires: who answered
 * (age band, identity, years resident; shop type, years in business, role; relation, grade).
 * Named here rather than marked in the survey JSON, so the published versions stay as they are.
 */
export const PROFILE_QUESTIONS = [
  "age_band",
  "residence_years",
  "identity",
  "shop_type",
  "operating_years",
  "respondent_role",
  "relation",
  "grade_band",
] as const;

/** A cross-tab column with fewer answers than this is marked 样本不足 (`low`). */
export const CROSSTAB_MIN_N = 30;

/** GET /api/v1/rates/distributions: the dashboard's filters; `audience` picks the survey (survey id = audience). */
export const distributionsQuerySchema = ratesQueryShape.refine(fromNotAfterTo, fromAfterTo);

/** GET /api/v1/rates/crosstab: the filters, one survey, a metric question and a profile question. */
export const crosstabQuerySchema = ratesQueryShape
  .extend({
    audience: z.enum(AUDIENCES),
    question: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, "题目名称无效"),
    by: z.enum(PROFILE_QUESTIONS),
  })
  .refine(fromNotAfterTo, fromAfterTo);

export type CrosstabQuery = z.output<typeof crosstabQuerySchema>;
