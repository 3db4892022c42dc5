import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { Database } from "../db/client";
import { auditLog } from "../db/schema";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

export interface AuditEntry {
  actor: string;
  action: string;
  target?: string | null;
  before?: unknown;
  after?: unknown;
  /** The unit whose subtree the change belongs to (audit_log.scope_unit); null = city-wide. */
  scopeUnit?: string | null;
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
    scopeUnit: entry.scopeUnit ?? null,
  };
}

/** The insert statement for one audit entry, so callers can put it in their own batch or transaction. */
export function auditInsert(db: Database | Tx, entry: AuditEntry, now: Date) {
  return db.insert(auditLog).values(auditRow(entry, now));
}

/**
 * Records who did what, when, with the state before and after (JSON).
 *
 * @example await recordAudit(db, { actor: "admin", action: "users.disable", target: "li", before, after }, now);
 */
export async function recordAudit(db: Database | Tx, entry: AuditEntry, now: Date): Promise<void> {
  await auditInsert(db, entry, now);
}

/** Newest first; `beforeId` pages backwards. */
export async function listAudit(
  db: Database,
  query: { limit: number; beforeId?: number; action?: string; actor?: string },
): Promise<AuditRow[]> {
  const where: SQL[] = [];
  if (query.beforeId) where.push(lt(auditLog.id, query.beforeId));
  if (query.action) where.push(eq(auditLog.action, query.action));
  if (query.actor) where.push(eq(auditLog.actor, query.actor));
  return db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(query.limit);
}
