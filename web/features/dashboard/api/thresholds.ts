import { API_BASE } from "../../../lib/api-client";
import { apiRequest } from "../../../lib/http";
import type { RateSettingsUpdate, RateSettingsView } from "../types";

/** The thresholds in force at the unit on screen, and where each comes from. */
export function getThresholds(unit: string): Promise<RateSettingsView> {
  return apiRequest<RateSettingsView>(`${API_BASE}/settings/thresholds?unit=${encodeURIComponent(unit)}`);
}

/** The unit's own values for its subtree; null removes one (inherited again). */
export function putThresholds(update: RateSettingsUpdate): Promise<RateSettingsView> {
  return apiRequest<RateSettingsView>(`${API_BASE}/settings/thresholds`, { method: "PUT", body: update });
}
