import { API_BASE } from "../../../lib/api-client";
import { ApiError, apiRequest } from "../../../lib/http";
import { getLoginDeviceId } from "../../../lib/login-device";
import type { InterviewUser } from "../types";

/** The session's user; `null` on 401. Throws `NetworkError` when the server cannot be reached. */
export async function fetchMe(): Promise<InterviewUser | null> {
  try {
    return (await apiRequest<{ user: InterviewUser }>(`${API_BASE}/auth/me`, { timeoutMs: 6_000 })).user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** Signs in with the tablet's login device id, so its owner still gets in while strangers are throttled. */
export async function login(username: string, password: string): Promise<InterviewUser> {
  const body = { username, password, deviceId: getLoginDeviceId() };
  return (await apiRequest<{ user: InterviewUser }>(`${API_BASE}/auth/login`, { method: "POST", body })).user;
}

export async function logout(): Promise<void> {
  await apiRequest<unknown>(`${API_BASE}/auth/logout`, { method: "POST", timeoutMs: 5_000 });
}
