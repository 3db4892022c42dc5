import { API_BASE } from "../../../lib/api-client";
import { apiRequest } from "../../../lib/http";
import { getLoginDeviceId } from "../../../lib/login-device";
import type { z } from "zod";
import type { loginSchema } from "../../../../server/contracts/auth";
import type { SessionResponse, SessionUser } from "../types";

/**
 * Signs in; the server sets an HttpOnly session cookie. 401 `ApiError` on bad credentials, 429
 * while throttled. The browser's login device id goes along (see getLoginDeviceId).
 */
export async function login(credentials: z.input<typeof loginSchema>): Promise<SessionUser> {
  const body = { deviceId: getLoginDeviceId(), ...credentials };
  const res = await apiRequest<SessionResponse>(`${API_BASE}/auth/login`, { method: "POST", body });
  return res.user;
}
