import { Hono } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../app-env";
import { changeOwnPasswordSchema, loginSchema } from "../contracts/auth";
import { ApiError, unauthorized } from "../errors";
import { clientAddress, isHttps } from "../lib/request-origin";
import { jsonBody } from "../middleware/json-body";
import { currentUser } from "../middleware/require-role";
import { SESSION_COOKIE } from "../middleware/session";
import { clearLoginFailures, loginRetryAfter, recordLoginFailure, type ThrottlePolicy } from "../services/login-throttle";
import { DUMMY_HASH, verifyPassword } from "../services/passwords";
import { closeSession, openSession } from "../services/sessions";
import { changeOwnPassword, findUserByName, publicUser } from "../services/users";

function throttlePolicy(config: import("../config").Config): ThrottlePolicy {
  return {
    maxPerUser: config.LOGIN_MAX_FAILURES,
    maxPerAddress: config.LOGIN_MAX_FAILURES_PER_ADDRESS,
    windowMinutes: config.LOGIN_WINDOW_MINUTES,
  };
}

export const authRoutes = new Hono<AppEnv>()
  .post("/login", jsonBody(loginSchema), async (c) => {
    const { username, password } = c.req.valid("json");
    const { db, config, clock } = c.var.services;
    const address = clientAddress(c);
    const policy = throttlePolicy(config);
    // Checked before the password, so a locked account cannot be probed for the right one.
    const waitMs = await loginRetryAfter(db, username, address, policy, clock.now());
    if (waitMs > 0) {
      const minutes = Math.ceil(waitMs / 60_000);
      c.header("Retry-After", String(Math.ceil(waitMs / 1000)));
      throw new ApiError(429, "too_many_attempts", `登录失败次数过多，请 ${minutes} 分钟后再试`);
    }
    const user = await findUserByName(db, username);
    // Verify even for unknown users so the answer time does not reveal which names exist.
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled) {
      await recordLoginFailure(db, username, address, policy, clock.now());
      throw new ApiError(401, "invalid_credentials", "用户名或密码错误");
    }
    await clearLoginFailures(db, username);
    const sessionPolicy = { ttlHours: config.SESSION_TTL_HOURS, idleHours: config.SESSION_IDLE_HOURS };
    const token = await openSession(db, user.id, sessionPolicy, clock.now());
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: "Lax",
      secure: isHttps(c),
      path: "/",
      maxAge: Math.floor(config.SESSION_TTL_HOURS * 3600),
    });
    return c.json({ user: publicUser(user) }, 200);
  })
  .post("/logout", async (c) => {
    const token = c.var.sessionToken;
    if (token) await closeSession(c.var.services.db, token);
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.json({ ok: true }, 200);
  })
  .post("/password", jsonBody(changeOwnPasswordSchema), async (c) => {
    const user = currentUser(c);
    const { currentPassword, newPassword } = c.req.valid("json");
    const { db, clock } = c.var.services;
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      throw new ApiError(422, "wrong_password", "当前密码不正确");
    }
    // Other devices signed in with the old password are signed out; this one stays.
    await changeOwnPassword(db, user, newPassword, c.var.sessionToken, clock.now());
    return c.json({ ok: true }, 200);
  })
  .get("/me", (c) => {
    const user = c.var.user;
    if (!user) throw unauthorized();
    return c.json({ user: publicUser(user) }, 200);
  });
