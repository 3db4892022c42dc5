import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { sessions, users } from "../../db/schema";
import type { DrizzleTx } from "../../db/sql-executor";
import { conflict, forbidden, invalid, notFound } from "../refusal";
import { auditInsert, commonAncestor } from "../admin/audit";
import { hashPassword, PASSWORD_ITERATIONS } from "./passwords";
import { getUnit, isWithinScope } from "../units/units";
import { adminUserView, type Role, type User } from "./users";
import { writeTransaction } from "../../db/write-transaction";
import { assertNotReused, recordPassword } from "./password-history";
import { assertPasswordStrong, type PasswordPolicy } from "./password-policy";

/** Who is acting: an admin changes only users of their own subtree. */
export type Actor = Pick<User, "id" | "username" | "scope">;

/**
 * An admin's changes to other users. Each runs in one write transaction that reads the target
 * again, checks the target's stored scope and any new scope against the admin's, writes the
 * change, ends sessions where needed and writes the audit entry: a scope moved by someone else
 * in between cannot slip through, and no change lands without its entry.
 */

async function assertUnitKnown(tx: DrizzleTx, code: string): Promise<void> {
  if (!(await getUnit(tx, code))) throw invalid("unknown_unit", `单位 ${code} 不存在`);
}

async function assertWithin(tx: DrizzleTx, actor: Actor, code: string, message: string): Promise<void> {
  if (!(await isWithinScope(tx, actor.scope, code))) throw forbidden(message);
}

/** The target user, read inside the transaction and checked to stand inside the actor's scope. */
async function scopedTarget(tx: DrizzleTx, actor: Actor, username: string): Promise<User> {
  const target = await tx.query.users.findFirst({ where: eq(users.username, username) });
  if (!target) throw notFound("用户");
  await assertWithin(tx, actor, target.scope, "不能修改超出自己管辖范围的用户");
  return target;
}

/** POST /users: a new user whose scope lies inside the admin's. 409 when the name is taken. */
export async function createUserAsAdmin(
  db: Database,
  actor: Actor,
  input: { username: string; password: string; role: Role; scope: string },
  now: Date,
  policy: PasswordPolicy,
  passwordIterations = PASSWORD_ITERATIONS,
): Promise<User> {
  assertPasswordStrong(input.password, policy);
  const passwordHash = await hashPassword(input.password, passwordIterations); // slow: never under the write lock
  return writeTransaction(db, async (tx) => {
    await assertUnitKnown(tx, input.scope);
    await assertWithin(tx, actor, input.scope, "不能创建超出自己管辖范围的用户");
    const [user] = await tx
      .insert(users)
      .values({
        username: input.username,
        role: input.role,
        scope: input.scope,
        passwordHash,
        createdAt: now.toISOString(),
        passwordChangedAt: now.toISOString(),
      })
      .onConflictDoNothing()
      .returning();
    if (!user) throw conflict("username_taken", `用户名 ${input.username} 已存在`);
    await recordPassword(tx, user.id, passwordHash, policy.history, now);
    await auditInsert(
      tx,
      { actor: actor.username, action: "users.create", target: user.username, after: adminUserView(user), scopeUnit: user.scope },
      now,
    );
    return user;
  });
}

/**
 * PATCH /users/:username: role, scope, disabled, personalData. Both the stored and the new scope
 * must be the admin's. The personal-data permission belongs to admin and office accounts only
 * (an interviewer never reads the lists it unmasks), so an interviewer cannot end up holding it;
 * an admin may grant it to themselves, which the audit entry records like any other grant.
 */
export async function updateUserAsAdmin(
  db: Database,
  actor: Actor,
  username: string,
  changes: Partial<Pick<User, "role" | "scope" | "disabled" | "personalData">>,
  now: Date,
): Promise<User> {
  return writeTransaction(db, async (tx) => {
    const target = await scopedTarget(tx, actor, username);
    if (changes.scope !== undefined) {
      await assertUnitKnown(tx, changes.scope);
      await assertWithin(tx, actor, changes.scope, "不能把用户的范围设到自己管辖范围之外");
    }
    if (target.id === actor.id && (changes.disabled || (changes.role && changes.role !== "admin") || changes.scope)) {
      throw invalid("self_lockout", "不能停用自己、降低自己的角色或改变自己的范围");
    }
    if ((changes.role ?? target.role) === "interviewer" && (changes.personalData ?? target.personalData)) {
      throw invalid("personal_data_role", "只有管理员和办公室账号可以获得查看未脱敏个人信息的权限");
    }
    const [updated] = await tx.update(users).set(changes).where(eq(users.id, target.id)).returning();
    if (!updated) throw notFound("用户");
    if (changes.disabled) await tx.delete(sessions).where(eq(sessions.userId, target.id));
    await auditInsert(
      tx,
      {
        actor: actor.username,
        action: "users.update",
        target: target.username,
        before: adminUserView(target),
        after: adminUserView(updated),
        // A move between two units belongs to the log of the unit holding both.
        scopeUnit: await commonAncestor(tx, target.scope, updated.scope),
      },
      now,
    );
    return updated;
  });
}

/** POST /users/:username/password: a new password set by an admin; the user's sessions end. */
export async function resetPasswordAsAdmin(
  db: Database,
  actor: Actor,
  username: string,
  password: string,
  now: Date,
  policy: PasswordPolicy,
  passwordIterations = PASSWORD_ITERATIONS,
): Promise<void> {
  assertPasswordStrong(password, policy);
  // Reuse is checked before the lock (each check is a PBKDF2 derivation), and only for a target in
  // scope, so the answer says nothing about anyone else's passwords; the transaction checks again.
  const stored = await db.query.users.findFirst({ where: eq(users.username, username), columns: { id: true, scope: true } });
  if (!stored) throw notFound("用户");
  if (!(await isWithinScope(db, actor.scope, stored.scope))) throw forbidden("不能修改超出自己管辖范围的用户");
  await assertNotReused(db, stored.id, password, policy);
  const passwordHash = await hashPassword(password, passwordIterations);
  await writeTransaction(db, async (tx) => {
    const target = await scopedTarget(tx, actor, username);
    await tx.update(users).set({ passwordHash, passwordChangedAt: now.toISOString() }).where(eq(users.id, target.id));
    await recordPassword(tx, target.id, passwordHash, policy.history, now);
    await tx.delete(sessions).where(eq(sessions.userId, target.id));
    // The password itself is never logged.
    await auditInsert(tx, { actor: actor.username, action: "users.reset_password", target: target.username, scopeUnit: target.scope }, now);
  });
}
