import { API_BASE } from "../../../lib/api-client";
import { apiRequest } from "../../../lib/http";
import type { RateSettingsUpdate, RateSettingsView } from "../types";

/** The thresholds in force at `unit` (default: the signed-in user's scope) and where they come from. */
export const getRateSettings = (unit?: string) =>
  apiRequest<RateSettingsView>(`${API_BASE}/settings/thresholds${unit ? `?unit=${encodeURIComponent(unit)}` : ""}`);

export const putRateSettings = (update: RateSettingsUpdate) =>
  apiRequest<RateSettingsView>(`${API_BASE}/settings/thresholds`, { method: "PUT", body: update });
