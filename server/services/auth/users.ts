import { and, asc, eq, inArray, ne } from "drizzle-orm";
import type { Database } from "../../db/client";
import { sessions, unitClosure, users } from "../../db/schema";
import { randomToken, sha256Hex } from "../../lib/crypto";
import { auditInsert } from "../admin/audit";
import { hashPassword, PASSWORD_ITERATIONS } from "./passwords";
import { writeTransaction } from "../../db/write-transaction";
import { assertNotReused, recordPassword } from "./password-history";
import { assertPasswordStrong, characterClasses, isPasswordExpired, type PasswordPolicy } from "./password-policy";

export type User = typeof users.$inferSelect;
export type Role = User["role"];
export const ROLES: readonly Role[] = ["admin", "office", "interviewer"];

/** What the API shows of a user: never the hash. */
export function publicUser(user: Pick<User, "username" | "role" | "scope">) {
  return { username: user.username, role: user.role, scope: user.scope };
}

export async function findUserByName(db: Database, username: string): Promise<User | undefined> {
  return db.query.users.findFirst({ where: eq(users.username, username) });
}

export async function createUser(
  db: Database,
  input: { username: string; password: string; role: Role; scope: string },
  now: Date,
  passwordIterations = PASSWORD_ITERATIONS,
): Promise<User | undefined> {
  const passwordHash = await hashPassword(input.password, passwordIterations);
  return writeTransaction(db, async (tx) => {
    const stamp = now.toISOString();
    const [row] = await tx
      .insert(users)
      .values({ ...input, passwordHash, createdAt: stamp, passwordChangedAt: stamp })
      .onConflictDoNothing()
      .returning();
    if (row) await recordPassword(tx, row.id, passwordHash, 1, now);
    return row;
  });
}

/** When the user's current password was set (users made before the column: their creation). */
export function passwordSetAt(user: Pick<User, "passwordChangedAt" | "createdAt">): string {
  return user.passwordChangedAt ?? user.createdAt;
}

/** Whether the user must change their password before anything else (PASSWORD_MAX_AGE_DAYS). */
export function mustChangePassword(user: Pick<User, "passwordChangedAt" | "createdAt">, policy: PasswordPolicy, now: Date): boolean {
  return isPasswordExpired(passwordSetAt(user), policy, now);
}

/** A random password that meets the policy, for the first admin when ADMIN_PASSWORD is unset. */
function generatedPassword(policy: PasswordPolicy): string {
  for (;;) {
    const candidate = randomToken(Math.max(12, Math.ceil((policy.minLength * 3) / 4)));
    if (candidate.length >= policy.minLength && characterClasses(candidate) >= Math.min(policy.minClasses, 3)) {
      // base64url has no guaranteed symbol: one is added when all four classes are required.
      return policy.minClasses >= 4 ? `${candidate}!` : candidate;
    }
  }
}

/**
 * First start: with no users at all, create `admin` scoped to the root unit. The password is
 * ADMIN_PASSWORD, or a generated one that the caller prints once (it is not stored in clear).
 * A configured password must meet the password policy like any other: the start fails with the
 * rule rather than leave a weak administrator account (docs/security.md 身份鉴别).
 */
export async function bootstrapAdmin(
  db: Database,
  rootCode: string,
  configuredPassword: string | undefined,
  now: Date,
  passwordIterations = PASSWORD_ITERATIONS,
  policy?: PasswordPolicy,
): Promise<{ username: string; password: string; generated: boolean } | null> {
  const any = await db.select({ id: users.id }).from(users).limit(1);
  if (any.length > 0) return null;
  if (configuredPassword !== undefined && policy) {
    try {
      assertPasswordStrong(configuredPassword, policy);
    } catch (error) {
      throw new Error(
        `ADMIN_PASSWORD does not meet the password policy (PASSWORD_MIN_LENGTH, PASSWORD_MIN_CLASSES): ${(error as Error).message}`,
      );
    }
  }
  const password = configuredPassword ?? (policy ? generatedPassword(policy) : randomToken(12));
  const created = await createUser(db, { username: "admin", password, role: "admin", scope: rootCode }, now, passwordIterations);
  if (!created) return null;
  return { username: "admin", password, generated: !configuredPassword };
}

/**
 * A user's own password change: the new hash, the end of their other sessions and the audit
 * entry in one transaction (the session of `keepToken`, the cookie token, stays signed in).
 */
export async function changeOwnPassword(
  db: Database,
  user: User,
  newPassword: string,
  keepToken: string | undefined,
  now: Date,
  policy: PasswordPolicy,
  passwordIterations = PASSWORD_ITERATIONS,
): Promise<void> {
  assertPasswordStrong(newPassword, policy);
  await assertNotReused(db, user.id, newPassword, policy);
  const passwordHash = await hashPassword(newPassword, passwordIterations);
  const keepTokenHash = keepToken ? await sha256Hex(keepToken) : undefined;
  await writeTransaction(db, async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: now.toISOString() }).where(eq(users.id, user.id));
    await recordPassword(tx, user.id, passwordHash, policy.history, now);
    const others = keepTokenHash ? and(eq(sessions.userId, user.id), ne(sessions.id, keepTokenHash)) : eq(sessions.userId, user.id);
    await tx.delete(sessions).where(others);
    await auditInsert(tx, { actor: user.username, action: "auth.password_change", target: user.username, scopeUnit: user.scope }, now);
  });
}

/** Users whose scope lies inside `scope` (an admin sees the users of their own subtree). */
export async function listUsersWithin(db: Database, scope: string): Promise<User[]> {
  const inside = db.select({ code: unitClosure.descendant }).from(unitClosure).where(eq(unitClosure.ancestor, scope));
  return db.select().from(users).where(inArray(users.scope, inside)).orderBy(asc(users.username));
}

/** The admin view of a user: never the hash. */
export function adminUserView(user: User) {
  return { ...publicUser(user), disabled: user.disabled, personalData: user.personalData, createdAt: user.createdAt };
}
