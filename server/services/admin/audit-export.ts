import type { Database } from "../../db/client";
import { csvStream } from "../exports/csv-stream";
import type { Cell } from "../exports/formula-safe";
import { xlsxStream } from "../exports/xlsx-stream";
import { writeTransaction } from "../../db/write-transaction";
import { type AuditRow, auditInsert, listAudit } from "./audit";

/** Columns of the audit export: stable names a script can read, then the row's JSON as stored. */
export const AUDIT_EXPORT_HEADER = ["id", "at", "actor", "action", "target", "scope_unit", "before", "after"];

const PAGE = 500;

export interface AuditExportQuery {
  scope: string;
  action?: string;
  actor?: string;
}

function cells(row: AuditRow): Cell[] {
  return [row.id, row.at, row.actor, row.action, row.target, row.scopeUnit, row.before, row.after];
}

/**
 * Every entry the audit list would show this admin (same scope rule and filters), newest first,
 * read one page at a time while the client takes the bytes (csv-stream / xlsx-stream pull).
 */
async function* auditPages(db: Database, query: AuditExportQuery): AsyncGenerator<Cell[][]> {
  let beforeId: number | undefined;
  for (;;) {
    const rows = await listAudit(db, { ...query, limit: PAGE, beforeId });
    if (rows.length === 0) return;
    yield rows.map(cells);
    if (rows.length < PAGE) return;
    beforeId = rows[rows.length - 1]!.id;
  }
}

const CONTENT_TYPE = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/** The audit log of `query.scope` as a streamed CSV or XLSX file, named by scope and time. */
export function auditExport(db: Database, query: AuditExportQuery, format: "csv" | "xlsx", generatedAt: Date) {
  const stamp = generatedAt.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  const fileName = `审计日志-${query.scope}-${stamp}.${format}`;
  const pages = auditPages(db, query);
  const body =
    format === "csv" ? csvStream(AUDIT_EXPORT_HEADER, pages) : xlsxStream([{ name: "审计日志", header: AUDIT_EXPORT_HEADER, rows: pages }]);
  return { fileName, contentType: CONTENT_TYPE[format], body };
}

/**
 * An export of the log is itself an entry of the log (等保 安全审计: reading the whole trail out is
 * an act worth tracing), written before the file streams, so the file holds its own entry.
 *
 * @example await recordAuditExport(db, "admin", { scope: "500104000000" }, "csv", new Date());
 */
export async function recordAuditExport(db: Database, actor: string, query: AuditExportQuery, format: "csv" | "xlsx", now: Date) {
  await writeTransaction(db, (tx) =>
    auditInsert(
      tx,
      {
        actor,
        action: "audit.export",
        target: format,
        after: { action: query.action ?? null, actor: query.actor ?? null, format },
        scopeUnit: query.scope,
      },
      now,
    ),
  );
}
