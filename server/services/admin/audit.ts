import { and, desc, eq, inArray, isNull, lt, or, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import type { DrizzleTx } from "../../db/sql-executor";
import { auditLog, unitClosure, units } from "../../db/schema";
import { writeTransaction } from "../../db/write-transaction";

export interface AuditEntry {
  actor: string;
  action: string;
  target?: string | null;
  before?: unknown;
  after?: unknown;
  /**
   * The unit whose subtree the change belongs to (the user's scope, the poster's unit, the unit
   * whose settings changed...). Admins read only the entries of their own subtree, so it is
   * required: null is a city-wide entry that only root-scope admins see.
   */
  scopeUnit: string | null;
}

export type AuditRow = typeof auditLog.$inferSelect;

/** One audit entry as a row of audit_log. */
export function auditRow(entry: AuditEntry, now: Date): typeof auditLog.$inferInsert {
  return {
    at: now.toISOString(),
    actor: entry.actor,
    action: entry.action,
    target: entry.target ?? null,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    scopeUnit: entry.scopeUnit,
  };
}

/**
 * Records who did what, when, with the state before and after (JSON), on the write transaction
 * of the change itself (writeTransaction or `audited` below), so the change and its entry commit
 * together or not at all. It takes only a transaction, never the database, for that reason.
 *
 * @example await auditInsert(tx, { actor: "admin", action: "users.update", target: "li", before, after, scopeUnit: "500104000000" }, now);
 */
export function auditInsert(tx: DrizzleTx, entry: AuditEntry, now: Date) {
  return tx.insert(auditLog).values(auditRow(entry, now));
}

/**
 * Runs a change and writes its audit entry in one transaction: both commit or neither does.
 *
 * @example const poster = await audited(db, now, async (tx) => { const p = await createPoster(tx, input, now); return { result: p, entry: { actor, action: "posters.create", target: p.id, after: p, scopeUnit: p.unitCode } }; });
 */
export async function audited<T>(
  db: Database,
  now: Date,
  change: (tx: DrizzleTx) => Promise<{ result: T; entry: AuditEntry }>,
): Promise<T> {
  return writeTransaction(db, async (tx) => {
    const { result, entry } = await change(tx);
    await auditInsert(tx, entry, now);
    return result;
  });
}

/**
 * The nearest unit whose subtree holds both `a` and `b` (a user moved between two communities
 * belongs to their subdistrict's log, so an admin of either side's common ancestor sees it).
 */
export async function commonAncestor(db: Database | DrizzleTx, a: string, b: string): Promise<string | null> {
  if (a === b) return a;
  const ofB = db.select({ code: unitClosure.ancestor }).from(unitClosure).where(eq(unitClosure.descendant, b));
  const row = await db
    .select({ code: unitClosure.ancestor })
    .from(unitClosure)
    .where(and(eq(unitClosure.descendant, a), inArray(unitClosure.ancestor, ofB)))
    .orderBy(unitClosure.depth)
    .limit(1)
    .get();
  return row?.code ?? null;
}

/**
 * Newest first; `beforeId` pages backwards. Only the entries of `scope`'s subtree: an entry's
 * scope_unit must lie inside it, and city-wide entries (null) are shown to a root-scope reader only.
 */
export async function listAudit(
  db: Database,
  query: { scope: string; limit: number; beforeId?: number; action?: string; actor?: string },
): Promise<AuditRow[]> {
  const scopeUnit = await db.query.units.findFirst({ where: eq(units.code, query.scope), columns: { parentCode: true } });
  const isRoot = scopeUnit !== undefined && scopeUnit.parentCode === null;
  const subtree = db.select({ code: unitClosure.descendant }).from(unitClosure).where(eq(unitClosure.ancestor, query.scope));
  const inside = inArray(auditLog.scopeUnit, subtree);
  const where: SQL[] = [isRoot ? or(inside, isNull(auditLog.scopeUnit))! : inside];
  if (query.beforeId) where.push(lt(auditLog.id, query.beforeId));
  if (query.action) where.push(eq(auditLog.action, query.action));
  if (query.actor) where.push(eq(auditLog.actor, query.actor));
  return db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(query.limit);
}
