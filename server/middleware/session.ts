import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { resolveSession, sessionPolicy } from "../services/auth/sessions";

export const SESSION_COOKIE = "cw_session";

/** Resolves the session cookie (if any) to a user for every API request. */
export const loadSession = createMiddleware<AppEnv>(async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  const { db, config, clock } = c.var.services;
  const user = token ? await resolveSession(db, token, sessionPolicy(config), clock.now()) : undefined;
  c.set("user", user);
  c.set("sessionToken", user ? token : undefined);
  await next();
});
