import { eq } from "drizzle-orm";
import type { RetentionSettings } from "../../contracts/retention";
import type { Database } from "../../db/client";
import { settings } from "../../db/schema";
import { audited } from "../admin/audit";
import type { User } from "../auth/users";
import { readSetting } from "../setup/settings-store";

const KEY = "retention";

/**
 * In force until an admin sets otherwise, so a new deployment is safe without anyone acting:
 * GPS fixes kept to about 1 km and household labels pseudonymised 180 days after the end of the
 * campaign year they were recorded in (the "180 days after the campaign year").
 */
export const DEFAULT_RETENTION: RetentionSettings = {
  countFrom: "year_end",
  gps: { days: 180, action: "coarse" },
  household: { days: 180 },
};

export async function readRetentionSettings(db: Database): Promise<RetentionSettings> {
  return (await readSetting<RetentionSettings>(db, KEY)) ?? DEFAULT_RETENTION;
}

/**
 * Replaces the deployment's retention settings (they apply to every unit: the job runs over the
 * whole database), audited with the state before and after in the same transaction. The entry
 * belongs to the admin's own scope so the admin who changed it finds it in their log.
 */
export async function updateRetentionSettings(db: Database, user: User, value: RetentionSettings, now: Date): Promise<RetentionSettings> {
  return audited(db, now, async (tx) => {
    const stored = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY)).get();
    const before = stored ? (JSON.parse(stored.value) as RetentionSettings) : DEFAULT_RETENTION;
    const json = JSON.stringify(value);
    await tx
      .insert(settings)
      .values({ key: KEY, value: json, updatedAt: now.toISOString() })
      .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAt: now.toISOString() } });
    return {
      result: value,
      entry: { actor: user.username, action: "settings.retention", target: KEY, before, after: value, scopeUnit: user.scope },
    };
  });
}
