import { API_BASE } from "../../../lib/api-client";
import { apiRequest } from "../../../lib/http";
import type { UnitDetail } from "../types";

export function getUnit(code: string): Promise<UnitDetail> {
  return apiRequest<UnitDetail>(`${API_BASE}/units/${encodeURIComponent(code)}`);
}
