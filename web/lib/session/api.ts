/**
 * The one client of the session endpoints (/auth/*), for the dashboard shell and the interview
 * tablet alike. It lives in lib because both features need it and features do not import each other.
 */
import type { InferRequestType } from "hono/client";
import { api, unwrap, withTimeout } from "../api-client";
import { ApiError, DEFAULT_TIMEOUT_MS } from "../http";
import { getLoginDeviceId } from "../login-device";
import type { SessionResponse, SessionUser } from "./types";

const within = (timeoutMs: number | undefined) => withTimeout(timeoutMs ?? DEFAULT_TIMEOUT_MS);

/**
 * The current user, or `null` when there is no valid session (401). Throws `NetworkError` when the
 * server cannot be reached. `timeoutMs` lets the tablet give up early and work offline.
 */
export async function getMe(options: { timeoutMs?: number } = {}): Promise<SessionUser | null> {
  return (await getSession(options))?.user ?? null;
}

/**
 * The session as /auth/me answers it: the user, whether their password has expired (the office
 * pages then open the change-password page) and the idle timeout in minutes; `null` on 401.
 */
export async function getSession(options: { timeoutMs?: number } = {}): Promise<SessionResponse | null> {
  try {
    return await unwrap(api.auth.me.$get(undefined, within(options.timeoutMs)));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** The password rules and idle timeout (public), for the hints beside new-password fields. */
export const getPasswordPolicy = () => unwrap(api.auth["password-policy"].$get());

type Credentials = Omit<InferRequestType<typeof api.auth.login.$post>["json"], "deviceId">;

/**
 * Signs in; the server sets an HttpOnly session cookie. 401 `ApiError` on bad credentials, 429
 * while throttled. The browser's login device id goes along (see getLoginDeviceId), so the
 * device's owner still gets in while strangers are throttled.
 */
export async function login(credentials: Credentials): Promise<SessionUser> {
  const json = { deviceId: getLoginDeviceId(), ...credentials };
  return (await unwrap(api.auth.login.$post({ json }))).user;
}

export async function logout(options: { timeoutMs?: number } = {}): Promise<void> {
  await unwrap(api.auth.logout.$post(undefined, within(options.timeoutMs)));
}

/** Every user changes their own password by giving the current one; other sessions end. */
export const changeOwnPassword = (currentPassword: string, newPassword: string) =>
  unwrap(api.auth.password.$post({ json: { currentPassword, newPassword } }));
