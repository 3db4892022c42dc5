import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { texts } from "../../../lib/i18n";
import { listAudit } from "../api/audit";
import { adminQuery } from "../lib/admin-query";
import type { AuditEntry } from "../types";

const T = texts.admin.audit;

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="admin-muted">—</span>;
  const text = JSON.stringify(value, null, 1);
  if (text.length < 120) return <code>{text}</code>;
  return (
    <details>
      <summary>{text.slice(0, 80)}…</summary>
      <pre className="admin-json">{text}</pre>
    </details>
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
      {first.error && <p className="admin-error">{texts.admin.loadFailed(first.error.message)}</p>}
      <table className="admin-table admin-table--audit">
        <thead>
          <tr>
            <th>{T.at}</th>
            <th>{T.actor}</th>
            <th>{T.action}</th>
            <th>{T.target}</th>
            <th>{T.before}</th>
            <th>{T.after}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{new Date(e.at).toLocaleString("zh-CN")}</td>
              <td>{e.actor}</td>
              <td>{T.actions[e.action] ?? e.action}</td>
              <td>{e.target}</td>
              <td>
                <Json value={e.before} />
              </td>
              <td>
                <Json value={e.after} />
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
