import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { ApiError, forbidden, unauthorized } from "../errors";
import { isWithinScope } from "../services/units/units";
import { mustChangePassword, type Role, type User } from "../services/auth/users";
import { passwordPolicy } from "../services/auth/password-policy";

/**
 * Lets a request through only with a session whose role is listed; 401 without a session,
 * 403 with the wrong role.
 *
 * @example .post("/", requireRole("admin"), handler)
 */
export function requireRole(...roles: Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const user = c.var.user;
    if (!user) throw unauthorized();
    if (!roles.includes(user.role)) throw forbidden("当前角色无权执行此操作");
    // An expired password (PASSWORD_MAX_AGE_DAYS) leaves only /auth: me, password, logout.
    const { config, clock } = c.var.services;
    if (mustChangePassword(user, passwordPolicy(config), clock.now())) {
      throw new ApiError(403, "password_expired", "密码已过期，请先修改密码");
    }
    await next();
  });
}

/** The signed-in user; call only behind requireRole. */
export function currentUser(c: Context<AppEnv>): User {
  const user = c.var.user;
  if (!user) throw unauthorized();
  return user;
}

/** Throws 403 unless `unitCode` lies in the user's scope subtree. */
export async function assertInScope(c: Context<AppEnv>, unitCode: string, message?: string): Promise<void> {
  const user = currentUser(c);
  if (!(await isWithinScope(c.var.services.db, user.scope, unitCode))) throw forbidden(message);
}
