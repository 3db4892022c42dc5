import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { createUserSchema, resetPasswordSchema, updateUserSchema } from "../contracts/auth";
import { ApiError, notFound } from "../errors";
import { jsonBody } from "../middleware/json-body";
import { assertInScope, currentUser, requireRole } from "../middleware/require-role";
import { recordAudit } from "../services/audit";
import { closeUserSessions } from "../services/sessions";
import { getUnit } from "../services/units";
import { adminUserView, createUser, findUserByName, listUsersWithin, publicUser, setPassword, updateUser } from "../services/users";

/** Users of the admin's own subtree: list, create, change role/scope/disabled, reset a password. */
export const userRoutes = new Hono<AppEnv>()
  .get("/", requireRole("admin"), async (c) => {
    const list = await listUsersWithin(c.var.services.db, currentUser(c).scope);
    return c.json({ users: list.map(adminUserView) }, 200);
  })
  .post("/", requireRole("admin"), jsonBody(createUserSchema), async (c) => {
    const input = c.req.valid("json");
    const { db, clock } = c.var.services;
    if (!(await getUnit(db, input.scope))) {
      throw new ApiError(422, "unknown_unit", `单位 ${input.scope} 不存在`);
    }
    await assertInScope(c, input.scope, "不能创建超出自己管辖范围的用户");
    const user = await createUser(db, input, clock.now());
    if (!user) throw new ApiError(409, "username_taken", `用户名 ${input.username} 已存在`);
    await recordAudit(db, { actor: currentUser(c).username, action: "users.create", target: user.username, after: adminUserView(user) }, clock.now());
    return c.json({ user: publicUser(user) }, 201);
  })
  .patch("/:username", requireRole("admin"), jsonBody(updateUserSchema), async (c) => {
    const changes = c.req.valid("json");
    const { db, clock } = c.var.services;
    const actor = currentUser(c);
    const target = await findUserByName(db, c.req.param("username"));
    if (!target) throw notFound("用户");
    await assertInScope(c, target.scope, "不能修改超出自己管辖范围的用户");
    if (changes.scope !== undefined) {
      if (!(await getUnit(db, changes.scope))) throw new ApiError(422, "unknown_unit", `单位 ${changes.scope} 不存在`);
      await assertInScope(c, changes.scope, "不能把用户的范围设到自己管辖范围之外");
    }
    if (target.id === actor.id && (changes.disabled || (changes.role && changes.role !== "admin") || changes.scope)) {
      throw new ApiError(422, "self_lockout", "不能停用自己、降低自己的角色或改变自己的范围");
    }
    const updated = await updateUser(db, target.id, changes);
    if (!updated) throw notFound("用户");
    if (changes.disabled) await closeUserSessions(db, target.id);
    await recordAudit(
      db,
      { actor: actor.username, action: "users.update", target: target.username, before: adminUserView(target), after: adminUserView(updated) },
      clock.now(),
    );
    return c.json({ user: adminUserView(updated) }, 200);
  })
  .post("/:username/password", requireRole("admin"), jsonBody(resetPasswordSchema), async (c) => {
    const { db, clock } = c.var.services;
    const target = await findUserByName(db, c.req.param("username"));
    if (!target) throw notFound("用户");
    await assertInScope(c, target.scope, "不能修改超出自己管辖范围的用户");
    await setPassword(db, target.id, c.req.valid("json").password);
    await closeUserSessions(db, target.id);
    // The password itself is never logged.
    await recordAudit(db, { actor: currentUser(c).username, action: "users.reset_password", target: target.username }, clock.now());
    return c.json({ ok: true }, 200);
  });
