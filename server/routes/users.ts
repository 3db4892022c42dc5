import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { createUserSchema, resetPasswordSchema, updateUserSchema } from "../contracts/auth";
import { jsonBody } from "../middleware/validate";
import { currentUser, requireRole } from "../middleware/require-role";
import { createUserAsAdmin, resetPasswordAsAdmin, updateUserAsAdmin } from "../services/auth/user-admin";
import { adminUserView, listUsersWithin, publicUser } from "../services/auth/users";
import { describe, REFUSALS } from "../openapi/describe";
import { passwordPolicy } from "../services/auth/password-policy";

/**
 * Users of the admin's own subtree: list, create, change role/scope/disabled, reset a password.
 * Every change checks the target's stored scope and its new one against the admin's, and writes
 * its audit entry, in one transaction (services/auth/user-admin.ts).
 */
export const userRoutes = new Hono<AppEnv>()
  .get(
    "/",
    describe("Users", "List the accounts in the admin's scope", { 200: "The users", ...REFUSALS.signedIn }),
    requireRole("admin"),
    async (c) => {
      const list = await listUsersWithin(c.var.services.db, currentUser(c).scope);
      return c.json({ users: list.map(adminUserView) }, 200);
    },
  )
  .post(
    "/",
    describe("Users", "Create an account", { 201: "Created", ...REFUSALS.signedIn, ...REFUSALS.body, 409: "Name taken" }),
    requireRole("admin"),
    jsonBody(createUserSchema),
    async (c) => {
      const { db, clock, config, passwordIterations } = c.var.services;
      const user = await createUserAsAdmin(
        db,
        currentUser(c),
        c.req.valid("json"),
        clock.now(),
        passwordPolicy(config),
        passwordIterations,
      );
      return c.json({ user: publicUser(user) }, 201);
    },
  )
  .patch(
    "/:username",
    describe("Users", "Change an account's role, scope or state", {
      200: "The account",
      ...REFUSALS.signedIn,
      ...REFUSALS.body,
      ...REFUSALS.notFound,
    }),
    requireRole("admin"),
    jsonBody(updateUserSchema),
    async (c) => {
      const { db, clock } = c.var.services;
      const updated = await updateUserAsAdmin(db, currentUser(c), c.req.param("username"), c.req.valid("json"), clock.now());
      return c.json({ user: adminUserView(updated) }, 200);
    },
  )
  .post(
    "/:username/password",
    describe("Users", "Reset an account's password", {
      200: "Reset; its sessions end",
      ...REFUSALS.signedIn,
      ...REFUSALS.body,
      ...REFUSALS.notFound,
    }),
    requireRole("admin"),
    jsonBody(resetPasswordSchema),
    async (c) => {
      const { db, clock, config, passwordIterations } = c.var.services;
      const { password } = c.req.valid("json");
      const policy = passwordPolicy(config);
      await resetPasswordAsAdmin(db, currentUser(c), c.req.param("username"), password, clock.now(), policy, passwordIterations);
      return c.json({ ok: true }, 200);
    },
  );
