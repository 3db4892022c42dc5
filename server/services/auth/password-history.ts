import { and, desc, eq, notInArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import { passwordHistory, users } from "../../db/schema";
import type { DrizzleTx } from "../../db/sql-executor";
import { invalid } from "../refusal";
import type { PasswordPolicy } from "./password-policy";
import { verifyPassword } from "./passwords";

/**
 * Refuses (422 password_reused) a new password equal to one of the user's last `policy.history`
 * passwords: the current hash and the newest history rows. Verified before the write
 * transaction, since each check is a PBKDF2 derivation and must not hold the write lock.
 */
export async function assertNotReused(db: Database, userId: number, password: string, policy: PasswordPolicy): Promise<void> {
  if (policy.history <= 0) return;
  const user = await db.query.users.findFirst({ where: eq(users.id, userId), columns: { passwordHash: true } });
  const rows = await db
    .select({ hash: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.id))
    .limit(policy.history);
  const hashes = [...new Set([...(user ? [user.passwordHash] : []), ...rows.map((r) => r.hash)])].slice(0, policy.history);
  for (const hash of hashes) {
    if (await verifyPassword(password, hash)) {
      throw invalid("password_reused", `新密码不能与最近 ${policy.history} 次用过的密码相同`);
    }
  }
}

/**
 * On the transaction that sets a password: the new hash joins the history and only the newest
 * `keep` rows of the user stay (at least one, so the next change can compare with it).
 */
export async function recordPassword(tx: DrizzleTx, userId: number, passwordHash: string, keep: number, now: Date): Promise<void> {
  await tx.insert(passwordHistory).values({ userId, passwordHash, setAt: now.toISOString() });
  const newest = tx
    .select({ id: passwordHistory.id })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.id))
    .limit(Math.max(1, keep));
  await tx.delete(passwordHistory).where(and(eq(passwordHistory.userId, userId), notInArray(passwordHistory.id, newest)));
}
