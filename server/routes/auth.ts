import { Hono } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../app-env";
import { loginSchema } from "../contracts/auth";
import { ApiError, unauthorized } from "../errors";
import { isHttps } from "../lib/request-origin";
import { jsonBody } from "../middleware/json-body";
import { SESSION_COOKIE } from "../middleware/session";
import { DUMMY_HASH, verifyPassword } from "../services/passwords";
import { closeSession, openSession } from "../services/sessions";
import { findUserByName, publicUser } from "../services/users";

export const authRoutes = new Hono<AppEnv>()
  .post("/login", jsonBody(loginSchema), async (c) => {
    const { username, password } = c.req.valid("json");
    const { db, config, clock } = c.var.services;
    const user = await findUserByName(db, username);
    // Verify even for unknown users so the answer time does not reveal which names exist.
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled) {
      throw new ApiError(401, "invalid_credentials", "用户名或密码错误");
    }
    const policy = { ttlHours: config.SESSION_TTL_HOURS, idleHours: config.SESSION_IDLE_HOURS };
    const token = await openSession(db, user.id, policy, clock.now());
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
  .get("/me", (c) => {
    const user = c.var.user;
    if (!user) throw unauthorized();
    return c.json({ user: publicUser(user) }, 200);
  });
