import { API_BASE } from "../../../lib/api-client";
import { ApiError, apiRequest } from "../../../lib/http";
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

export async function login(username: string, password: string): Promise<InterviewUser> {
  return (await apiRequest<{ user: InterviewUser }>(`${API_BASE}/auth/login`, { method: "POST", body: { username, password } })).user;
}

export async function logout(): Promise<void> {
  await apiRequest<unknown>(`${API_BASE}/auth/logout`, { method: "POST", timeoutMs: 5_000 });
}
