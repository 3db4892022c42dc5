import { z } from "zod";

/**
 * How far the shares may sum from 1: census tables give whole or one-decimal percents, and six
 * bands rounded to whole percents can miss 100% by up to 3 points. A wider gap is a typing slip
 * (a band entered twice, a percent for a share) and is refused rather than silently rescaled.
 * Shares are stored as given; the weighting rescales over the bands present anyway.
 */
export const AGE_SHARES_SUM_TOLERANCE = 0.03;

/** An `age_band` value as the resident survey stores it (checked against its versions by the service). */
const band = z.string().min(1).max(64);

/**
 * PUT /api/v1/units/{code}/age-shares: the census share of each age band among the unit's
 * residents, replacing the unit's own shares (bands left out have no share).
 */
export const ageSharesUpdateSchema = z
  .object({
    shares: z
      .record(band, z.number().min(0, "占比不能为负数").max(1, "占比应在 0 到 1 之间"))
      .refine((s) => Object.keys(s).length > 0, "至少填写一个年龄段的占比")
      .refine((s) => Object.keys(s).length <= 50, "年龄段过多"),
  })
  .strict();

export type AgeSharesUpdate = z.infer<typeof ageSharesUpdateSchema>;
