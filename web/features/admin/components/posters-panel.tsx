import { useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { Link } from "wouter";
import { texts } from "../../../lib/i18n";
import { UnitPicker } from "../../../lib/ui/unit-picker";
import { createPoster, createPosterBatch, listPosters, listSurveys, type PosterWindow } from "../api/posters";
import { fromLocalInput } from "../lib/local-datetime";
import { adminQuery } from "../lib/admin-query";
import { PosterListRow } from "./poster-list-row";

const T = texts.admin.posters;
/** One poster for a community or school; a subdistrict gets one per community (批量). */
const POSTER_KINDS = ["community", "school", "subdistrict"] as const;

/**
 * Posters for one community or school, or for every community of a subdistrict, optionally with
 * a collection window; the list with status, downloads, window changes and revocation.
 */
export function PostersPanel() {
  const surveys = useQuery({ queryKey: ["admin", "surveys"], queryFn: listSurveys, ...adminQuery });
  const [filter, setFilter] = useState("");
  const posters = useQuery({
    queryKey: ["admin", "posters", filter],
    queryFn: () => listPosters(filter ? { unit: filter } : {}),
    ...adminQuery,
  });
  const [batchIds, setBatchIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const form = useRef<HTMLFormElement>(null);
  const [unitCode, setUnitCode] = useState("");

  async function create(mode: "one" | "batch") {
    if (!form.current?.reportValidity()) return;
    const f = new FormData(form.current);
    const unit = String(f.get("unit")).trim();
    const survey = String(f.get("survey"));
    const collection: PosterWindow = {};
    const startsAt = fromLocalInput(String(f.get("startsAt") ?? ""));
    const endsAt = fromLocalInput(String(f.get("endsAt") ?? ""));
    if (startsAt) collection.startsAt = startsAt;
    if (endsAt) collection.endsAt = endsAt;
    setError(null);
    setNote(null);
    try {
      if (mode === "batch") {
        const made = await createPosterBatch(unit, survey, collection);
        setBatchIds(made.posters.map((p) => p.id));
        setNote(T.created(made.posters.length));
      } else {
        const made = await createPoster(unit, survey, collection);
        setBatchIds([made.id]);
        setNote(T.created(1));
      }
      setFilter(unit);
      void posters.refetch();
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
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor="poster-unit">
          {T.unit}
          <UnitPicker id="poster-unit" name="unit" label={T.unit} value={unitCode} onChange={setUnitCode} required kinds={POSTER_KINDS} />
        </label>
        <label>
          {T.startsAt}
          <input type="datetime-local" name="startsAt" />
        </label>
        <label>
          {T.endsAt}
          <input type="datetime-local" name="endsAt" />
        </label>
        <button className="button" type="submit">
          {T.createOne}
        </button>
        <button className="button" type="button" onClick={() => void create("batch")} name="batch">
          {T.createBatch}
        </button>
      </form>
      <p className="admin-muted">
        {T.unitHint}。{T.batchHint} {T.windowHint}
      </p>
      {error && <p className="admin-error">{error}</p>}
      {note && (
        <p className="admin-ok" role="status">
          {note} {batchIds.length > 0 && <Link href={`/admin/posters/print?ids=${batchIds.join(",")}`}>{T.printAll(batchIds.length)}</Link>}
        </p>
      )}
      <h3>{T.list}</h3>
      <div className="admin-row">
        <label htmlFor="poster-filter">
          {T.filter}
          <UnitPicker id="poster-filter" label={T.filter} value={filter} onChange={setFilter} />
        </label>
        {filter && (
          <button className="button button--ghost button--small" type="button" onClick={() => setFilter("")}>
            {T.filterClear}
          </button>
        )}
      </div>
      {posters.error && <p className="admin-error">{texts.admin.loadFailed(posters.error.message)}</p>}
      {posters.data && posters.data.length === 0 && <p className="admin-muted">{T.empty}</p>}
      {posters.data && posters.data.length > 0 && (
        <>
          <p>
            <Link
              href={`/admin/posters/print?ids=${posters.data
                .slice(0, 500)
                .map((p) => p.id)
                .join(",")}`}
            >
              {T.printAll(Math.min(posters.data.length, 500))}
            </Link>
          </p>
          <table className="admin-table">
            <thead>
              <tr>
                <th>{T.id}</th>
                <th>{T.community}</th>
                <th>{T.survey}</th>
                <th>{T.createdAt}</th>
                <th>{T.status}</th>
                <th>{T.window}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {posters.data.map((p) => (
                <PosterListRow
                  key={p.id}
                  poster={p}
                  surveyTitle={surveys.data?.find((s) => s.id === p.surveyId)?.title}
                  onError={setError}
                  onChanged={(message) => {
                    setError(null);
                    setNote(message);
                    setBatchIds([]);
                    void posters.refetch();
                  }}
                />
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
