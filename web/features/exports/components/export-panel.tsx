import { useState } from "react";
import { useSearch } from "wouter";
import { texts } from "../../../lib/i18n";
import { ApiError } from "../../../lib/http";
import { downloadExport, type ExportProgress } from "../api/download-export";
import { exportFiltersFrom } from "../lib/export-filters";
import "../exports.css";

const T = texts.exports;
const SURVEYS = ["resident", "shopkeeper", "parent"] as const;

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

function errorText(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.code === "personal_data_required") return T.unmaskedForbidden;
    return e.status === 403 ? T.forbidden : T.failed(e.message);
  }
  return T.network;
}

/**
 * 导出答卷: the responses behind the dashboard's current view (unit, channel, dates, flagged),
 * one row each, as XLSX or as CSV with its SPSS syntax, with progress while a large file streams.
 */
export function ExportPanel({ scope }: { scope: string }) {
  const filters = exportFiltersFrom(useSearch(), scope);
  const [survey, setSurvey] = useState<string>(
    filters.audience && (SURVEYS as readonly string[]).includes(filters.audience) ? filters.audience : "resident",
  );
  const [format, setFormat] = useState<"xlsx" | "csv">("xlsx");
  const [codes, setCodes] = useState(false);
  const [unmasked, setUnmasked] = useState(false);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);

  async function run() {
    setBusy(true);
    setStatus(null);
    setProgress(null);
    try {
      const unmaskedReason = unmasked ? reason : undefined;
      const file = await downloadExport(filters, { survey, format, codes, unmaskedReason }, setProgress);
      save(file.name, file.blob);
      const names = [file.name];
      if (format === "csv") {
        // The syntax names the CSV made at the same time, so the two load together.
        const sps = await downloadExport(
          filters,
          { survey, format: "sps", codes, generatedAt: file.generatedAt ?? undefined, unmaskedReason },
          () => {},
        );
        save(sps.name, sps.blob);
        names.push(sps.name);
      }
      setStatus({ error: false, text: T.done(names.join("，")) });
    } catch (e) {
      setStatus({ error: true, text: errorText(e) });
    } finally {
      setBusy(false);
    }
  }

  const percent =
    progress && progress.rows > 0 && progress.rowsReceived !== null
      ? Math.min(100, Math.round((progress.rowsReceived / progress.rows) * 100))
      : null;
  return (
    <section className="dash-panel export-panel no-print" aria-labelledby="export-title">
      <header className="dash-panel__head">
        <h2 id="export-title">{T.title}</h2>
      </header>
      <p className="export-panel__note">
        {T.scopeNote}
        {T.maskedNote}
      </p>
      <div className="export-panel__controls">
        <label>
          {T.survey}{" "}
          <select value={survey} onChange={(e) => setSurvey(e.target.value)} disabled={busy}>
            {SURVEYS.map((s) => (
              <option key={s} value={s}>
                {T.surveys[s]}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="export-panel__format" disabled={busy}>
          <legend>{T.format}</legend>
          {(["xlsx", "csv"] as const).map((f) => (
            <label key={f}>
              <input type="radio" name="export-format" value={f} checked={format === f} onChange={() => setFormat(f)} /> {T[f]}
            </label>
          ))}
        </fieldset>
        <label title={T.codesHint}>
          <input type="checkbox" checked={codes} onChange={(e) => setCodes(e.target.checked)} disabled={busy} /> {T.codes}
        </label>
        <label title={T.unmaskedHint}>
          <input
            type="checkbox"
            checked={unmasked}
            onChange={(e) => setUnmasked(e.target.checked)}
            disabled={busy}
            data-testid="export-unmasked"
          />{" "}
          {T.unmasked}
        </label>
        {unmasked && (
          <label>
            {T.reason}{" "}
            <input
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder={T.reasonPlaceholder}
              maxLength={500}
              required
              disabled={busy}
              data-testid="export-reason"
            />
          </label>
        )}
        <button type="button" className="button" onClick={run} disabled={busy} data-testid="export-start">
          {T.start}
        </button>
      </div>
      {busy && (
        <div className="export-panel__progress" role="status" data-testid="export-progress">
          {progress ? T.progress(progress.rows, Math.round(progress.bytes / 1024), percent) : T.preparing}
          <progress max={100} value={percent ?? undefined} />
        </div>
      )}
      {status && (
        <p className={status.error ? "dash-error" : "dash-muted"} role={status.error ? "alert" : "status"} data-testid="export-status">
          {status.text}
        </p>
      )}
    </section>
  );
}
