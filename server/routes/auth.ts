import { Hono, type Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../app-env";
import { changeOwnPasswordSchema, loginSchema } from "../contracts/auth";
import { ApiError, unauthorized } from "../errors";
import { clientAddress, isHttps } from "../lib/request-origin";
import { jsonBody } from "../middleware/validate";
import { currentUser } from "../middleware/require-role";
import { SESSION_COOKIE } from "../middleware/session";
import { knownSource, loginSources, rememberSources } from "../services/auth/login-sources";
import {
  clearPasswordChecks,
  loginThrottlePolicy,
  reserveLoginAttempt,
  reservePasswordCheck,
  settleLoginSuccess,
} from "../services/auth/login-throttle";
import { dummyHash, verifyPassword } from "../services/auth/passwords";
import { closeSession, openSession, sessionPolicy } from "../services/auth/sessions";
import { changeOwnPassword, findUserByName, mustChangePassword, publicUser, type User } from "../services/auth/users";
import { recordLoginEvent } from "../services/auth/login-events";
import { describePasswordPolicy, passwordPolicy } from "../services/auth/password-policy";
import type { Config } from "../config";
import { describe, REFUSALS } from "../openapi/describe";

/** 429 with Retry-After (seconds) and the minutes to wait in the message. */
function tooManyAttempts(c: Context<AppEnv>, waitMs: number, what: string): ApiError {
  c.header("Retry-After", String(Math.ceil(waitMs / 1000)));
  return new ApiError(429, "too_many_attempts", `${what}，请 ${Math.ceil(waitMs / 60_000)} 分钟后再试`);
}

/**
 * What a signed-in client needs besides the user (added beside `user`, §4 compatible): whether
 * the password has expired (the web then opens the change-password page; every role-gated route
 * answers 403 password_expired until it is changed) and after how many idle minutes the session ends.
 */
function sessionFacts(user: User, config: Config, now: Date) {
  return {
    passwordExpired: mustChangePassword(user, passwordPolicy(config), now),
    idleMinutes: sessionPolicy(config).idleMinutes,
  };
}

export const authRoutes = new Hono<AppEnv>()
  .post(
    "/login",
    describe("Auth", "Log in; sets the session cookie", {
      200: "The user",
      ...REFUSALS.body,
      401: "Wrong name or password (invalid_credentials)",
      429: "Too many failed attempts (too_many_attempts, Retry-After)",
    }),
    jsonBody(loginSchema),
    async (c) => {
      const { username, password, deviceId } = c.req.valid("json");
      const { db, config, clock, secret, passwordIterations } = c.var.services;
      const now = clock.now();
      const policy = loginThrottlePolicy(config);
      const address = clientAddress(c);
      const sources = await loginSources(secret, address, deviceId);
      const known = await knownSource(db, username, sources, now);
      // Reserved before the password is checked, so concurrent tries cannot verify more than allowed
      // and a throttled account cannot be probed for the right password.
      const attempt = await reserveLoginAttempt(db, { username, sources, known }, policy, now);
      const user = await findUserByName(db, username);
      // Every try is logged for the admins' 登录记录 (who signed in from where), never the password.
      const record = (outcome: Parameters<typeof recordLoginEvent>[1]["outcome"]) =>
        recordLoginEvent(db, { username, outcome, address, sources, scopeUnit: user?.scope ?? null }, now);
      if (!attempt.allowed) {
        await record("throttled");
        throw tooManyAttempts(c, attempt.retryAfterMs, "登录失败次数过多");
      }
      // Verify even for unknown users so the answer time does not reveal which names exist.
      const ok = await verifyPassword(password, user?.passwordHash ?? dummyHash(passwordIterations));
      // A failure keeps its reservation: that is the count.
      if (!user || !ok || user.disabled) {
        await record(!user ? "unknown_user" : !ok ? "wrong_password" : "disabled");
        throw new ApiError(401, "invalid_credentials", "用户名或密码错误");
      }
      await settleLoginSuccess(db, attempt, now, policy);
      await rememberSources(db, user.username, sources, now);
      const token = await openSession(db, user.id, sessionPolicy(config), now);
      await record("success");
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: "Lax",
        secure: isHttps(c),
        path: "/",
        maxAge: Math.floor(config.SESSION_TTL_HOURS * 3600),
      });
      return c.json({ user: publicUser(user), ...sessionFacts(user, config, now) }, 200);
    },
  )
  .post("/logout", describe("Auth", "Log out; ends the session and clears its cookie", { 200: "Logged out" }), async (c) => {
    const token = c.var.sessionToken;
    if (token) await closeSession(c.var.services.db, token);
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.json({ ok: true }, 200);
  })
  .post(
    "/password",
    describe("Auth", "Change one's own password (checked against the password policy and the last PASSWORD_HISTORY passwords)", {
      200: "Changed; other sessions end",
      ...REFUSALS.body,
      422: "Wrong current password (wrong_password), too weak (weak_password) or used recently (password_reused)",
      401: "Not logged in (unauthorized)",
      429: "Too many wrong current passwords (too_many_attempts)",
    }),
    jsonBody(changeOwnPasswordSchema),
    async (c) => {
      const user = currentUser(c);
      const { currentPassword, newPassword } = c.req.valid("json");
      const { db, clock, config, passwordIterations } = c.var.services;
      const now = clock.now();
      // A signed-in tablet left lying around must not become a way to guess its owner's password:
      // the same atomic reservation as login, LOGIN_MAX_FAILURES wrong ones per user and window.
      const policy = loginThrottlePolicy(config);
      const limits = { max: policy.maxPerPair, windowMs: policy.windowMs };
      const check = await reservePasswordCheck(db, user.id, limits, now);
      if (!check.allowed) throw tooManyAttempts(c, check.retryAfterMs, "当前密码错误次数过多");
      if (!(await verifyPassword(currentPassword, user.passwordHash))) {
        if (check.failures >= limits.max) {
          // The last wrong try allowed also ends this session: whoever holds the device has to sign
          // in again, through the login throttle.
          const token = c.var.sessionToken;
          if (token) await closeSession(db, token);
          deleteCookie(c, SESSION_COOKIE, { path: "/" });
          throw new ApiError(422, "wrong_password", "当前密码不正确，错误次数过多，已退出登录");
        }
        throw new ApiError(422, "wrong_password", "当前密码不正确");
      }
      await clearPasswordChecks(db, user.id);
      // Other devices signed in with the old password are signed out; this one stays.
      await changeOwnPassword(db, user, newPassword, c.var.sessionToken, now, passwordPolicy(config), passwordIterations);
      return c.json({ ok: true }, 200);
    },
  )
  .get("/me", describe("Auth", "The logged-in user", { 200: "The user", 401: "Not logged in (unauthorized)" }), (c) => {
    const user = c.var.user;
    if (!user) throw unauthorized();
    const { config, clock } = c.var.services;
    return c.json({ user: publicUser(user), ...sessionFacts(user, config, clock.now()) }, 200);
  })
  .get(
    "/password-policy",
    describe("Auth", "The password rules (for the forms' hints) and the idle timeout", { 200: "The rules" }),
    (c) => {
      const { config } = c.var.services;
      const policy = passwordPolicy(config);
      return c.json({ ...policy, text: describePasswordPolicy(policy), idleMinutes: sessionPolicy(config).idleMinutes }, 200);
    },
  );
