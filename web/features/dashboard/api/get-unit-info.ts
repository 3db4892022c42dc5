import { API_BASE } from "../../../lib/api-client";
import { apiRequest } from "../../../lib/http";
import type { UnitInfo } from "../types";

export function getUnitInfo(code: string): Promise<UnitInfo> {
  return apiRequest<UnitInfo>(`${API_BASE}/units/${encodeURIComponent(code)}`);
}
