import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { SUBJECT_SUMMARY_ITEMS } from "../../../../server/contracts/subject-limits";
import { errorText } from "../../../lib/http";
import { texts } from "../../../lib/i18n";
import { UnitName } from "../../../lib/ui/unit-name";
import { UnitPicker } from "../../../lib/ui/unit-picker";
import { anonymiseSubject, exportSubject, findSubject, type SubjectQuery, type SubjectSummary } from "../api/subjects";

const T = texts.subjects;
const OUTCOMES: Record<string, string> = texts.interview.outcomes;

/** Hands a downloaded file to the browser's save dialog. */
function save(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString("zh-CN") : "");

/**
 * 个人信息查询与处理: find everything linked to a device id or a household label in the admin's
 * scope, export it, or anonymise it after a confirmation; both need a reason, which the server audits.
 */
export function SubjectsPanel() {
  const [by, setBy] = useState<"deviceId" | "household">("deviceId");
  const [value, setValue] = useState("");
  const [unit, setUnit] = useState("");
  const [asked, setAsked] = useState<SubjectQuery | null>(null);
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const found = useQuery({
    queryKey: ["admin", "subjects", asked],
    queryFn: () => findSubject(asked!),
    enabled: asked !== null,
  });

  function onSearch(event: FormEvent) {
    event.preventDefault();
    setNote(null);
    setError(null);
    setConfirming(false);
    setAsked({ [by]: value.trim(), ...(unit ? { unit } : {}) });
  }

  async function act(action: () => Promise<string>) {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      setNote(await action());
    } catch (e) {
      setError(T.failed(errorText(e)));
    } finally {
      setBusy(false);
    }
  }

  const onExport = (format: "json" | "xlsx") =>
    act(async () => {
      const file = await exportSubject({ ...asked!, format, reason });
      save(file.name, file.blob);
      return T.exported(file.name);
    });

  const onAnonymise = () =>
    act(async () => {
      const done = await anonymiseSubject({ ...asked!, reason });
      setConfirming(false);
      await found.refetch();
      return T.anonymised(done.counts);
    });

  const data = found.data;
  const total = data ? Object.values(data.counts).reduce((a, b) => a + b, 0) : 0;
  return (
    <section className="admin-panel" aria-label={T.title}>
      <h2>{T.title}</h2>
      <p className="admin-muted">{T.intro}</p>
      <form className="admin-form" onSubmit={onSearch} aria-label={T.search}>
        <fieldset className="admin-row">
          <legend>{T.by}</legend>
          <label>
            <input type="radio" name="by" checked={by === "deviceId"} onChange={() => setBy("deviceId")} />
            {T.byDevice}
          </label>
          <label>
            <input type="radio" name="by" checked={by === "household"} onChange={() => setBy("household")} />
            {T.byHousehold}
          </label>
        </fieldset>
        <label>
          {by === "deviceId" ? T.deviceLabel : T.householdLabel}
          <input value={value} onChange={(e) => setValue(e.target.value)} required maxLength={by === "deviceId" ? 128 : 200} />
        </label>
        <label htmlFor="subjects-unit">
          {T.unitLabel}
          <UnitPicker id="subjects-unit" value={unit} onChange={setUnit} label={T.unitLabel} />
        </label>
        <button className="button" type="submit" disabled={found.isFetching}>
          {found.isFetching ? T.searching : T.search}
        </button>
      </form>
      <p className="admin-muted">{T.limits}</p>
      {found.error && <p className="admin-error">{texts.admin.loadFailed(errorText(found.error))}</p>}
      {data && <SubjectResult data={data} />}
      {data && total > 0 && (
        <div className="admin-form">
          <label>
            {T.reason}
            <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder={T.reasonHint} maxLength={500} />
          </label>
          <div className="admin-actions">
            <button className="button" type="button" disabled={busy || reason.trim().length < 2} onClick={() => onExport("json")}>
              {T.exportJson}
            </button>
            <button className="button" type="button" disabled={busy || reason.trim().length < 2} onClick={() => onExport("xlsx")}>
              {T.exportXlsx}
            </button>
            <button className="button" type="button" disabled={busy || reason.trim().length < 2} onClick={() => setConfirming(true)}>
              {T.anonymise}
            </button>
          </div>
          {confirming && (
            <div className="admin-confirm" role="alertdialog" aria-label={T.confirmTitle}>
              <strong>{T.confirmTitle}</strong>
              <span>{T.confirmText(total)}</span>
              <button className="button" type="button" disabled={busy} onClick={onAnonymise}>
                {T.confirm}
              </button>
              <button className="button" type="button" onClick={() => setConfirming(false)}>
                {T.cancel}
              </button>
            </div>
          )}
        </div>
      )}
      {error && <p className="admin-error">{error}</p>}
      {note && (
        <p className="admin-ok" role="status">
          {note}
        </p>
      )}
    </section>
  );
}

/** The counts per kind and the first items of each, as the server found them. */
function SubjectResult({ data }: { data: SubjectSummary }) {
  const counts = Object.entries(data.counts) as [keyof typeof T.counts, number][];
  const total = counts.reduce((a, [, n]) => a + n, 0);
  const more = counts.some(([, n]) => n > SUBJECT_SUMMARY_ITEMS);
  const r = data.retained;
  return (
    <div aria-live="polite">
      <ul className="admin-row subject-counts" aria-label={T.title}>
        {counts.map(([kind, n]) => (
          <li key={kind} className="admin-summary">
            {T.counts[kind]} {n}
          </li>
        ))}
      </ul>
      {total === 0 && <p className="admin-muted">{T.nothing}</p>}
      {r.auditEntries + r.webhookDeliveries + r.issueItems > 0 && (
        <p className="admin-muted">{T.retained(r.auditEntries, r.webhookDeliveries, r.issueItems)}</p>
      )}
      {more && <p className="admin-muted">{T.shownFirst(SUBJECT_SUMMARY_ITEMS)}</p>}
      {data.responses.length > 0 && (
        <table className="admin-table">
          <caption>{T.responsesTitle}</caption>
          <thead>
            <tr>
              <th>{T.columns.id}</th>
              <th>{T.columns.unit}</th>
              <th>{T.columns.completedAt}</th>
              <th>{T.columns.device}</th>
              <th>{T.columns.freeText}</th>
            </tr>
          </thead>
          <tbody>
            {data.responses.map((row) => (
              <tr key={row.id}>
                <td>{row.id.slice(0, 8)}</td>
                <td>
                  <UnitName code={row.unitCode} />
                </td>
                <td>{when(row.completedAt)}</td>
                <td>{row.deviceId}</td>
                <td>{row.freeText.map((f) => f.text).join("；")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.visits.length > 0 && (
        <table className="admin-table">
          <caption>{T.visitsTitle}</caption>
          <thead>
            <tr>
              <th>{T.columns.household}</th>
              <th>{T.columns.unit}</th>
              <th>{T.columns.outcome}</th>
              <th>{T.columns.visitedAt}</th>
              <th>{T.columns.device}</th>
              <th>{T.columns.gps}</th>
            </tr>
          </thead>
          <tbody>
            {data.visits.map((v) => (
              <tr key={v.id}>
                <td>{v.household}</td>
                <td>
                  <UnitName code={v.unitCode} />
                </td>
                <td>{OUTCOMES[v.outcome] ?? v.outcome}</td>
                <td>{when(v.visitedAt)}</td>
                <td>{v.deviceId}</td>
                <td>{v.latitude === null ? "" : `${v.latitude}, ${v.longitude}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.devices.length > 0 && (
        <table className="admin-table">
          <caption>{T.devicesTitle}</caption>
          <thead>
            <tr>
              <th>{T.columns.device}</th>
              <th>{T.columns.user}</th>
              <th>{T.columns.heartbeat}</th>
            </tr>
          </thead>
          <tbody>
            {data.devices.map((d) => (
              <tr key={`${d.deviceId}|${d.username}`}>
                <td>{d.deviceId}</td>
                <td>{d.username}</td>
                <td>{when(d.lastHeartbeatAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.comments.length > 0 && (
        <table className="admin-table">
          <caption>{T.commentsTitle}</caption>
          <thead>
            <tr>
              <th>{T.columns.id}</th>
              <th>{T.columns.text}</th>
            </tr>
          </thead>
          <tbody>
            {data.comments.map((c) => (
              <tr key={`${c.responseId}|${c.question}`}>
                <td>{c.responseId.slice(0, 8)}</td>
                <td>{c.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
