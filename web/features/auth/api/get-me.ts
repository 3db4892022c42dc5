import { API_BASE } from "../../../lib/api-client";
import { ApiError, apiRequest } from "../../../lib/http";
import type { SessionResponse, SessionUser } from "../types";

/** The current user, or `null` when there is no valid session (401). */
export async function getMe(): Promise<SessionUser | null> {
  try {
    return (await apiRequest<SessionResponse>(`${API_BASE}/auth/me`)).user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}
