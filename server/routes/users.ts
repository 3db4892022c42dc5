import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { createUserSchema } from "../contracts/auth";
import { ApiError } from "../errors";
import { jsonBody } from "../middleware/json-body";
import { assertInScope, requireRole } from "../middleware/require-role";
import { getUnit } from "../services/units";
import { createUser, publicUser } from "../services/users";

export const userRoutes = new Hono<AppEnv>().post("/", requireRole("admin"), jsonBody(createUserSchema), async (c) => {
  const input = c.req.valid("json");
  const { db, clock } = c.var.services;
  if (!(await getUnit(db, input.scope))) {
    throw new ApiError(422, "unknown_unit", `单位 ${input.scope} 不存在`);
  }
  await assertInScope(c, input.scope, "不能创建超出自己管辖范围的用户");
  const user = await createUser(db, input, clock.now());
  if (!user) throw new ApiError(409, "username_taken", `用户名 ${input.username} 已存在`);
  return c.json({ user: publicUser(user) }, 201);
});
