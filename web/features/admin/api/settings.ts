import { API_BASE } from "../../../lib/api-client";
import { apiRequest } from "../../../lib/http";
import type { RateSettings } from "../types";

export const getRateSettings = () => apiRequest<RateSettings>(`${API_BASE}/settings/thresholds`);

export const putRateSettings = (update: Partial<RateSettings>) =>
  apiRequest<RateSettings>(`${API_BASE}/settings/thresholds`, { method: "PUT", body: update });
