import { API_BASE } from "../../../lib/api-client";
import { apiRequest } from "../../../lib/http";

export async function logout(): Promise<void> {
  await apiRequest<unknown>(`${API_BASE}/auth/logout`, { method: "POST" });
}
