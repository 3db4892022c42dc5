import type { Database } from "../db/client";
import { auditLog } from "../db/schema";
import { METRICS, type Metric } from "../../surveys/properties";
import type { RateSettingsUpdate } from "../contracts/rates";
import { readSetting, writeSetting } from "./settings";

export interface RateSettings {
  threshold: Record<Metric, number>;
  minRespondents: number;
}

const KEY = "rate_settings";

/** DESIGN.md §5: 90% for every metric, at least 20 respondents before a status is given. */
export const DEFAULT_RATE_SETTINGS: RateSettings = {
  threshold: Object.fromEntries(METRICS.map((m) => [m, 0.9])) as Record<Metric, number>,
  minRespondents: 20,
};

/** The admin's thresholds over the defaults (a metric never set keeps 0.90). */
export async function getRateSettings(db: Database): Promise<RateSettings> {
  const stored = await readSetting<Partial<RateSettings>>(db, KEY);
  return {
    threshold: { ...DEFAULT_RATE_SETTINGS.threshold, ...stored?.threshold },
    minRespondents: stored?.minRespondents ?? DEFAULT_RATE_SETTINGS.minRespondents,
  };
}

/** Merges an update into the settings and records who changed what in the audit log. */
export async function updateRateSettings(
  db: Database,
  update: RateSettingsUpdate,
  actor: string,
  now: Date,
): Promise<RateSettings> {
  const before = await getRateSettings(db);
  const after: RateSettings = {
    threshold: { ...before.threshold, ...update.threshold },
    minRespondents: update.minRespondents ?? before.minRespondents,
  };
  await writeSetting(db, KEY, after, now);
  await db.insert(auditLog).values({
    at: now.toISOString(),
    actor,
    action: "settings.thresholds",
    target: KEY,
    before: JSON.stringify(before),
    after: JSON.stringify(after),
  });
  return after;
}
