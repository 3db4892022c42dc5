import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { texts } from "../../../lib/i18n";
import { listAudit } from "../api/audit";
import { auditExportUrl } from "../api/logins";
import { adminQuery } from "../lib/admin-query";
import { changedFields, importCounts } from "../lib/audit-diff";
import type { AuditEntry } from "../types";
import { UnitName } from "../../../lib/ui/unit-name";

const T = texts.admin.audit;

const ROLE_NAMES: Record<string, string> = texts.auth.roles;
const ISSUE_STATUS_NAMES: Record<string, string> = texts.issueList.status;

/** A field's value as a sentence part: 是/否, role names, ISO times in local time, lists by count. */
function showValue(path: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return T.empty;
  if (typeof value === "boolean") return value ? T.yes : T.no;
  if (path.endsWith("role") && typeof value === "string") return ROLE_NAMES[value] ?? value;
  // 问题清单 entries (issues.*): the status code in words.
  if (path === "status" && typeof value === "string") return ISSUE_STATUS_NAMES[value] ?? value;
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value)) return new Date(value).toLocaleString("zh-CN");
  if (path.includes("threshold") && typeof value === "number") return `${+(value * 100).toFixed(2)}%`;
  if (Array.isArray(value)) return `${value.length} 项`;
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** A dotted path in Chinese: each segment by its name where one is known. */
function showPath(path: string): string {
  return path
    .split(".")
    .map((part) => T.groups[part] ?? T.fields[part] ?? part)
    .join(" · ");
}

/** Actions whose target is a unit code: the log names the unit beside it. */
const UNIT_TARGETS = new Set(["settings.thresholds", "units.age_shares", "posters.create_batch"]);

/** The entry's object; an import's stored English count line is said in Chinese from its counts. */
function Target({ entry }: { entry: AuditEntry }) {
  const counts = importCounts(entry.action, entry.after);
  if (counts) return <>{T.importSummary(counts.added, counts.changed)}</>;
  if (entry.target && UNIT_TARGETS.has(entry.action)) return <UnitName code={entry.target} />;
  return <>{entry.target ?? ""}</>;
}

/** What changed, one line per field, the raw before/after kept behind a disclosure for audits. */
function Changes({ entry }: { entry: AuditEntry }) {
  const counts = importCounts(entry.action, entry.after);
  const changes = counts ? [] : changedFields(entry.before, entry.after);
  return (
    <>
      {changes.length > 0 && (
        <ul className="audit-changes">
          {changes.map((c) => (
            <li key={c.path}>
              <span className="audit-changes__field">{showPath(c.path)}</span>：
              {entry.before !== null && entry.before !== undefined && (
                <>
                  <del>{showValue(c.path, c.before)}</del>
                  {" → "}
                </>
              )}
              <ins>{showValue(c.path, c.after)}</ins>
            </li>
          ))}
        </ul>
      )}
      {(entry.before !== null || entry.after !== null) && (
        <details>
          <summary>{T.raw}</summary>
          <pre className="admin-json">{JSON.stringify({ before: entry.before, after: entry.after }, null, 1)}</pre>
        </details>
      )}
    </>
  );
}

/** Every admin action, newest first: who, what, when, before and after. */
export function AuditPanel() {
  const first = useQuery({ queryKey: ["admin", "audit"], queryFn: () => listAudit(), ...adminQuery });
  const [older, setOlder] = useState<AuditEntry[]>([]);
  const entries = [...(first.data ?? []), ...older];
  const last = entries.at(-1);
  return (
    <section className="admin-panel">
      <p className="admin-row">
        <strong>{texts.security.auditExport.label}</strong>
        <a className="button button--ghost" href={auditExportUrl("csv")} download>
          {texts.security.auditExport.csv}
        </a>
        <a className="button button--ghost" href={auditExportUrl("xlsx")} download>
          {texts.security.auditExport.xlsx}
        </a>
      </p>
      {first.error && <p className="admin-error">{texts.admin.loadFailed(first.error.message)}</p>}
      <table className="admin-table admin-table--audit">
        <thead>
          <tr>
            <th>{T.at}</th>
            <th>{T.actor}</th>
            <th>{T.action}</th>
            <th>{T.target}</th>
            <th>{T.changes}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{new Date(e.at).toLocaleString("zh-CN")}</td>
              <td>{e.actor}</td>
              <td>{T.actions[e.action] ?? e.action}</td>
              <td>
                <Target entry={e} />
              </td>
              <td>
                <Changes entry={e} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {last && entries.length % 100 === 0 && (
        <button
          className="button button--ghost"
          type="button"
          onClick={() => void listAudit(last.id).then((more) => setOlder((o) => [...o, ...more]))}
        >
          {T.more}
        </button>
      )}
    </section>
  );
}
