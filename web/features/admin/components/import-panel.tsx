import { useState } from "react";
import { errorText } from "../../../lib/http";
import { texts } from "../../../lib/i18n";
import { previewUnitImport, runUnitImport } from "../api/units-import";
import type { ImportPreview } from "../types";
import { UnitName } from "../../../lib/ui/unit-name";

const T = texts.admin.import;

/** Preview first (every bad row with its line), then an all-or-nothing import. */
export function ImportPanel() {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function act(kind: "preview" | "run") {
    if (!file) return;
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      if (kind === "preview") setPreview(await previewUnitImport(file));
      else {
        const done = await runUnitImport(file);
        setMessage(T.done(done.added, done.changed, done.unchanged));
        setPreview(null);
      }
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="admin-panel">
      <p>{T.intro}</p>
      <p className="admin-muted">{T.columns}</p>
      <div className="admin-row">
        <label className="admin-file">
          {T.chooseFile}
          <input
            type="file"
            name="hierarchy"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPreview(null);
              setMessage(null);
            }}
          />
        </label>
        <button className="button" type="button" disabled={!file || busy} onClick={() => void act("preview")}>
          {busy ? T.running : T.preview}
        </button>
        <button className="button" type="button" disabled={!preview || preview.errors.length > 0 || busy} onClick={() => void act("run")}>
          {preview && preview.errors.length > 0 ? T.blocked : T.run}
        </button>
      </div>
      {error && <p className="admin-error">{error}</p>}
      {message && (
        <p className="admin-ok" role="status">
          {message}
        </p>
      )}
      {preview && <PreviewView preview={preview} />}
    </section>
  );
}

function PreviewView({ preview }: { preview: ImportPreview }) {
  return (
    <div className="import-preview">
      <p className="admin-summary" data-testid="import-summary">
        {T.summary(preview.rows, preview.added, preview.changed, preview.unchanged)}
      </p>
      {preview.errors.length > 0 && (
        <>
          <h3 className="admin-error">{T.errorsTitle(preview.errors.length)}</h3>
          <table className="admin-table">
            <thead>
              <tr>
                <th>{T.line}</th>
                <th>{T.code}</th>
                <th>{T.reason}</th>
                <th>{T.message}</th>
              </tr>
            </thead>
            <tbody>
              {preview.errors.map((e) => (
                <tr key={`${e.line}-${e.reason}`}>
                  <td>{e.line}</td>
                  <td>{e.code}</td>
                  <td>{T.reasons[e.reason] ?? e.reason}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {preview.added > 0 && (
        <details open={preview.added <= 50}>
          <summary>
            {T.addsTitle(preview.added)}
            {preview.adds.length < preview.added && T.shownFirst(preview.adds.length)}
          </summary>
          <table className="admin-table">
            <thead>
              <tr>
                <th>{T.line}</th>
                <th>{T.code}</th>
                <th>{T.name}</th>
                <th>{T.kind}</th>
                <th>{T.parent}</th>
              </tr>
            </thead>
            <tbody>
              {preview.adds.map((u) => (
                <tr key={u.code}>
                  <td>{u.line}</td>
                  <td>{u.code}</td>
                  <td>{u.name}</td>
                  <td>{texts.common.unitKinds[u.kind]}</td>
                  <td>
                    {/* A parent added by the same file is not stored yet: its name comes from the file. */}
                    <UnitName code={u.parentCode} name={preview.adds.find((a) => a.code === u.parentCode)?.name} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {preview.changed > 0 && (
        <details open>
          <summary>{T.changesTitle(preview.changed)}</summary>
          <table className="admin-table">
            <thead>
              <tr>
                <th>{T.line}</th>
                <th>{T.code}</th>
                <th>{T.message}</th>
              </tr>
            </thead>
            <tbody>
              {preview.changes.map((c) => (
                <tr key={c.code}>
                  <td>{c.line}</td>
                  <td>
                    <UnitName code={c.code} />
                  </td>
                  <td>
                    {c.fields.map((f) => (
                      <div key={f}>
                        {T.fields[f] ?? f}：{String(c.before[f as keyof typeof c.before] ?? "—")} →{" "}
                        {String(c.after[f as keyof typeof c.after] ?? "—")}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}
