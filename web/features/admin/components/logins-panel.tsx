import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { texts } from "../../../lib/i18n";
import { listLogins } from "../api/logins";
import { adminQuery } from "../lib/admin-query";
import type { LoginOutcome, LoginRow } from "../types";

const T = texts.security.logins;
const OUTCOMES = Object.keys(T.outcomes) as LoginOutcome[];

/** 登录记录: who signed in (or tried) from where, for the users of the admin's scope. */
export function LoginsPanel() {
  const [username, setUsername] = useState("");
  const [outcome, setOutcome] = useState<LoginOutcome | "">("");
  const filter = { username: username.trim() || undefined, outcome: outcome || undefined };
  const first = useQuery({ queryKey: ["admin", "logins", filter], queryFn: () => listLogins(filter), ...adminQuery });
  const [older, setOlder] = useState<{ key: string; rows: LoginRow[] }>({ key: "", rows: [] });
  const key = JSON.stringify(filter);
  const rows = [...(first.data ?? []), ...(older.key === key ? older.rows : [])];
  const last = rows.at(-1);
  return (
    <section className="admin-panel">
      <p>{T.intro}</p>
      <div className="admin-row">
        <input value={username} onChange={(e) => setUsername(e.target.value)} placeholder={T.filterUser} aria-label={T.filterUser} />
        <select value={outcome} onChange={(e) => setOutcome(e.target.value as LoginOutcome | "")} aria-label={T.outcome}>
          <option value="">{T.allOutcomes}</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {T.outcomes[o]}
            </option>
          ))}
        </select>
      </div>
      {first.error && <p className="admin-error">{texts.admin.loadFailed(first.error.message)}</p>}
      {first.isSuccess && rows.length === 0 && <p>{T.none}</p>}
      {rows.length > 0 && (
        <table className="admin-table admin-table--logins">
          <thead>
            <tr>
              <th>{T.at}</th>
              <th>{T.username}</th>
              <th>{T.outcome}</th>
              <th>{T.address}</th>
              <th>{T.device}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-outcome={r.outcome}>
                <td>{new Date(r.at).toLocaleString("zh-CN")}</td>
                <td>{r.username}</td>
                <td>{T.outcomes[r.outcome]}</td>
                <td>{r.address}</td>
                <td title={r.deviceHash ?? undefined}>{r.deviceHash ? r.deviceHash.slice(7, 15) : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {last && rows.length % 100 === 0 && (
        <button
          className="button button--ghost"
          type="button"
          onClick={() =>
            void listLogins({ ...filter, before: last.id }).then((more) =>
              setOlder({ key, rows: [...(older.key === key ? older.rows : []), ...more] }),
            )
          }
        >
          {T.more}
        </button>
      )}
    </section>
  );
}
