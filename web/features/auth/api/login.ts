import { API_BASE } from "../../../lib/api-client";
import { apiRequest } from "../../../lib/http";
import type { z } from "zod";
import type { loginSchema } from "../../../../server/contracts/auth";
import type { SessionResponse, SessionUser } from "../types";

/** Signs in; the server sets an HttpOnly session cookie. 401 `ApiError` on bad credentials. */
export async function login(credentials: z.input<typeof loginSchema>): Promise<SessionUser> {
  const res = await apiRequest<SessionResponse>(`${API_BASE}/auth/login`, { method: "POST", body: credentials });
  return res.user;
}
