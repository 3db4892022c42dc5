import { API_BASE } from "../../../lib/api-client";
import { apiRequest } from "../../../lib/http";
import type { RateSettings } from "../types";

export function getThresholds(): Promise<RateSettings> {
  return apiRequest<RateSettings>(`${API_BASE}/settings/thresholds`);
}

export function putThresholds(update: Partial<RateSettings>): Promise<RateSettings> {
  return apiRequest<RateSettings>(`${API_BASE}/settings/thresholds`, { method: "PUT", body: update });
}
