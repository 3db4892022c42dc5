import { eq } from "drizzle-orm";
import type { FieldReviewSettings } from "../../contracts/field-review";
import type { Database } from "../../db/client";
import { settings } from "../../db/schema";
import type { DrizzleTx } from "../../db/sql-executor";
import { stateCounts } from "./counted-side";

export const FIELD_REVIEW_KEY = "field_review";

/**
 * In force until an admin sets otherwise: 通过 and 待审核 count (the default), a 10%
 * back-check per interviewer, and agreement under 80% over at least 3 back-checks marks the
 * interviewer's unreviewed interviews 存疑.
 */
export const DEFAULT_FIELD_REVIEW: FieldReviewSettings = {
  counted: "approved_pending",
  backCheckShare: 0.1,
  agreementThreshold: 0.8,
  minBackChecks: 3,
};

/** The stored value also keeps the draw's seed (made once, never shown or changed, so draws reproduce). */
export type StoredFieldReview = FieldReviewSettings & { seed?: string };

export async function readFieldReviewSettings(db: Database | DrizzleTx): Promise<StoredFieldReview> {
  const row = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, FIELD_REVIEW_KEY)).get();
  return row ? { ...DEFAULT_FIELD_REVIEW, ...(JSON.parse(row.value) as StoredFieldReview) } : DEFAULT_FIELD_REVIEW;
}

export async function writeFieldReviewSettings(tx: DrizzleTx, value: StoredFieldReview, now: Date): Promise<void> {
  const json = JSON.stringify(value);
  await tx
    .insert(settings)
    .values({ key: FIELD_REVIEW_KEY, value: json, updatedAt: now.toISOString() })
    .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAt: now.toISOString() } });
}

/** What the API shows: the settings without the seed. */
export function publicSettings(s: StoredFieldReview): FieldReviewSettings {
  const { seed: _seed, ...rest } = s;
  return rest;
}

/**
 * Whether a new, unreviewed interview counts under the stored settings (the JSON text of the
 * `field_review` row, or nothing for the defaults): the response writer reads the row in its own
 * batch and flags the interview when 待审核 does not count.
 */
export function pendingInterviewsCount(stored: unknown): boolean {
  const policy =
    typeof stored === "string"
      ? ((JSON.parse(stored) as Partial<StoredFieldReview>).counted ?? DEFAULT_FIELD_REVIEW.counted)
      : DEFAULT_FIELD_REVIEW.counted;
  return stateCounts("pending", policy);
}
