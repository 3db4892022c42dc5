/**
 * The one client of the session endpoints (/auth/*), for the dashboard shell and the interview
 * tablet alike. It lives in lib because both features need it and features do not import each other.
 */
import type { z } from "zod";
import type { loginSchema } from "../../../server/contracts/auth";
import { API_BASE } from "../api-client";
import { ApiError, apiRequest } from "../http";
import { getLoginDeviceId } from "../login-device";
import type { SessionResponse, SessionUser } from "./types";

/**
 * The current user, or `null` when there is no valid session (401). Throws `NetworkError` when the
 * server cannot be reached. `timeoutMs` lets the tablet give up early and work offline.
 */
export async function getMe(options: { timeoutMs?: number } = {}): Promise<SessionUser | null> {
  try {
    return (await apiRequest<SessionResponse>(`${API_BASE}/auth/me`, options)).user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/**
 * Signs in; the server sets an HttpOnly session cookie. 401 `ApiError` on bad credentials, 429
 * while throttled. The browser's login device id goes along (see getLoginDeviceId), so the
 * device's owner still gets in while strangers are throttled.
 */
export async function login(credentials: z.input<typeof loginSchema>): Promise<SessionUser> {
  const body = { deviceId: getLoginDeviceId(), ...credentials };
  return (await apiRequest<SessionResponse>(`${API_BASE}/auth/login`, { method: "POST", body })).user;
}

export async function logout(options: { timeoutMs?: number } = {}): Promise<void> {
  await apiRequest<unknown>(`${API_BASE}/auth/logout`, { method: "POST", ...options });
}

/** Every user changes their own password by giving the current one; other sessions end. */
export const changeOwnPassword = (currentPassword: string, newPassword: string) =>
  apiRequest<{ ok: true }>(`${API_BASE}/auth/password`, { method: "POST", body: { currentPassword, newPassword } });
