import { useRef, useState } from "react";
import { Link } from "wouter";
import { texts } from "../../../app/texts";
import { createPoster, createPosterBatch, listPosters, listSurveys, qrSvgUrl } from "../api/posters";
import { downloadQrPng } from "../lib/download-qr-png";
import { useLoad } from "../lib/use-load";

const T = texts.admin.posters;

/** Posters for one community or school, or for every community of a subdistrict; the list with downloads. */
export function PostersPanel() {
  const surveys = useLoad(listSurveys, []);
  const [filter, setFilter] = useState("");
  const posters = useLoad(() => listPosters(filter ? { unit: filter } : {}), [filter]);
  const [batchIds, setBatchIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const form = useRef<HTMLFormElement>(null);

  async function create(mode: "one" | "batch") {
    if (!form.current?.reportValidity()) return;
    const f = new FormData(form.current);
    const unit = String(f.get("unit")).trim();
    const survey = String(f.get("survey"));
    setError(null);
    setNote(null);
    try {
      if (mode === "batch") {
        const made = await createPosterBatch(unit, survey);
        setBatchIds(made.posters.map((p) => p.id));
        setNote(T.created(made.posters.length));
      } else {
        const made = await createPoster(unit, survey);
        setBatchIds([made.id]);
        setNote(T.created(1));
      }
      setFilter(unit);
      posters.reload();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <section className="admin-panel">
      <form
        ref={form}
        className="admin-row"
        onSubmit={(e) => {
          e.preventDefault();
          void create("one");
        }}
      >
        <label>
          {T.survey}
          <select name="survey">
            {surveys.data?.map((s) => (
              <option key={s.id} value={s.id}>{s.title}</option>
            ))}
          </select>
        </label>
        <label>
          {T.unit}
          <input name="unit" placeholder={T.unitHint} required size={24} />
        </label>
        <button className="button" type="submit">{T.createOne}</button>
        <button className="button" type="button" onClick={() => void create("batch")} name="batch">
          {T.createBatch}
        </button>
      </form>
      <p className="admin-muted">{T.batchHint}</p>
      {error && <p className="admin-error">{error}</p>}
      {note && (
        <p className="admin-ok" role="status">
          {note}{" "}
          {batchIds.length > 0 && <Link href={`/admin/posters/print?ids=${batchIds.join(",")}`}>{T.printAll(batchIds.length)}</Link>}
        </p>
      )}
      <h3>{T.list}</h3>
      <label className="admin-row">
        {T.filter}
        <input value={filter} onChange={(e) => setFilter(e.target.value.trim())} size={16} />
      </label>
      {posters.error && <p className="admin-error">{texts.admin.loadFailed(posters.error)}</p>}
      {posters.data && posters.data.length === 0 && <p className="admin-muted">{T.empty}</p>}
      {posters.data && posters.data.length > 0 && (
        <>
          <p>
            <Link href={`/admin/posters/print?ids=${posters.data.slice(0, 500).map((p) => p.id).join(",")}`}>{T.printAll(Math.min(posters.data.length, 500))}</Link>
          </p>
          <table className="admin-table">
            <thead>
              <tr><th>{T.id}</th><th>{T.community}</th><th>{T.survey}</th><th>{T.createdAt}</th><th /></tr>
            </thead>
            <tbody>
              {posters.data.map((p) => (
                <tr key={p.id} data-poster={p.id}>
                  <td><code>{p.id}</code></td>
                  <td>{p.unitName}（{p.unitCode}）</td>
                  <td>{p.surveyId}</td>
                  <td>{new Date(p.createdAt).toLocaleString("zh-CN")}</td>
                  <td className="admin-actions">
                    <Link href={`/admin/posters/${p.id}`}>{T.open}</Link>
                    <a href={qrSvgUrl(p.id)} download={`poster-${p.id}.svg`}>{T.svg}</a>
                    <button className="button button--small button--ghost" type="button" onClick={() => void downloadQrPng(p.id).catch((e: unknown) => setError(String(e)))}>
                      {T.png}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
