import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorText } from "../../../lib/http";
import { texts } from "../../../lib/i18n";
import { previewRegisterImport, runRegisterImport, type RegisterPreview } from "../api/register-import";

const T = texts.register.import;

/** The household and shop register from a file: preview first (every bad row with its line), then all rows or none. */
export function RegisterImportPanel() {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<RegisterPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function act(kind: "preview" | "run") {
    if (!file) return;
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      if (kind === "preview") setPreview(await previewRegisterImport(file));
      else {
        const done = await runRegisterImport(file);
        setMessage(T.done(done.added, done.changed, done.unchanged));
        setPreview(null);
        await queryClient.invalidateQueries({ queryKey: ["register-coverage"] });
      }
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="register-import">
      <summary>{T.title}</summary>
      <p className="muted">{T.columns}</p>
      <div className="register-import__row">
        <label>
          {T.chooseFile}{" "}
          <input
            type="file"
            name="register"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPreview(null);
              setMessage(null);
            }}
          />
        </label>
        <button className="button" type="button" disabled={!file || busy} onClick={() => void act("preview")}>
          {T.preview}
        </button>
        <button className="button" type="button" disabled={!preview || preview.errors.length > 0 || busy} onClick={() => void act("run")}>
          {preview && preview.errors.length > 0 ? T.blocked : T.run}
        </button>
      </div>
      {error && (
        <p className="notice notice-warning" role="alert">
          {error}
        </p>
      )}
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      {preview && (
        <div>
          <p data-testid="register-import-summary">{T.summary(preview.rows, preview.added, preview.changed, preview.unchanged)}</p>
          {preview.errors.length > 0 && (
            <table className="data-table">
              <caption>{T.errorsTitle(preview.errors.length)}</caption>
              <thead>
                <tr>
                  <th>{T.line}</th>
                  <th>{T.reason}</th>
                </tr>
              </thead>
              <tbody>
                {preview.errors.map((e) => (
                  <tr key={`${e.line}-${e.reason}`}>
                    <td>{e.line}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </details>
  );
}
