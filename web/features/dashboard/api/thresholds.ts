import { api, unwrap } from "../../../lib/api-client";
import type { RateSettingsUpdate, RateSettingsView } from "../types";

/** The thresholds in force at the unit on screen, and where each comes from. */
export function getThresholds(unit: string): Promise<RateSettingsView> {
  return unwrap(api.settings.thresholds.$get({ query: { unit } }));
}

/** The unit's own values for its subtree; null removes one (inherited again). */
export function putThresholds(update: RateSettingsUpdate): Promise<RateSettingsView> {
  return unwrap(api.settings.thresholds.$put({ json: update }));
}
