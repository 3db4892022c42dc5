import { and, asc, eq, inArray, like } from "drizzle-orm";
import type { Database } from "../../db/client";
import { settings, unitClosure } from "../../db/schema";
import type { DrizzleTx } from "../../db/sql-executor";
import { audited } from "../admin/audit";
import type { User } from "../auth/users";

/** Tries before a 不在家 door is final non-contact, until an office sets its own. */
export const DEFAULT_ATTEMPT_LIMIT = 3;

const PREFIX = "register.attemptLimit:";
const keyOf = (unitCode: string) => `${PREFIX}${unitCode}`;

export interface AttemptLimit {
  limit: number;
  /** The unit whose setting applies (the nearest up the tree), null for the default. */
  setAt: string | null;
}

/**
 * The attempt limit in force at a unit: the nearest setting up the tree, like the rate
 * thresholds, so a district sets one for all its communities and a community may differ.
 */
export async function attemptLimitAt(db: Database | DrizzleTx, unitCode: string): Promise<AttemptLimit> {
  const chain = await db
    .select({ code: unitClosure.ancestor })
    .from(unitClosure)
    .where(eq(unitClosure.descendant, unitCode))
    .orderBy(asc(unitClosure.depth))
    .all();
  if (chain.length === 0) return { limit: DEFAULT_ATTEMPT_LIMIT, setAt: null };
  const rows = await db
    .select({ key: settings.key, value: settings.value })
    .from(settings)
    .where(
      and(
        like(settings.key, `${PREFIX}%`),
        inArray(
          settings.key,
          chain.map((c) => keyOf(c.code)),
        ),
      ),
    )
    .all();
  const byKey = new Map(rows.map((r) => [r.key, Number(JSON.parse(r.value))]));
  for (const { code } of chain) {
    const limit = byKey.get(keyOf(code));
    if (limit !== undefined) return { limit, setAt: code };
  }
  return { limit: DEFAULT_ATTEMPT_LIMIT, setAt: null };
}

/** Sets the limit for a unit's subtree, audited with the limit in force before, in one transaction. */
export async function updateAttemptLimit(db: Database, unitCode: string, limit: number, user: User, now: Date): Promise<AttemptLimit> {
  return audited(db, now, async (tx) => {
    const before = await attemptLimitAt(tx, unitCode);
    await tx
      .insert(settings)
      .values({ key: keyOf(unitCode), value: JSON.stringify(limit), updatedAt: now.toISOString() })
      .onConflictDoUpdate({ target: settings.key, set: { value: JSON.stringify(limit), updatedAt: now.toISOString() } });
    const after = { limit, setAt: unitCode };
    return {
      result: after,
      entry: { actor: user.username, action: "register.attempt_limit", target: unitCode, before, after, scopeUnit: unitCode },
    };
  });
}
