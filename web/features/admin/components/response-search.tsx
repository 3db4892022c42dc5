import { useState, type FormEvent } from "react";
import { errorText } from "../../../lib/http";
import { texts } from "../../../lib/i18n";
import { UnitPicker } from "../../../lib/ui/unit-picker";
import { searchResponses } from "../api/flagged";
import type { FlaggedResponse, ResponseSearchQuery } from "../types";
import { ReviewList } from "./review-list";

const T = texts.admin.flagged;

/** Finds any response in scope, flagged or not, by id, day or device, to exclude it (or count it again). */
export function ResponseSearch() {
  const [query, setQuery] = useState<ResponseSearchQuery | null>(null);
  const [found, setFound] = useState<FlaggedResponse[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [unit, setUnit] = useState("");

  async function run(q: ResponseSearchQuery) {
    setError(null);
    try {
      setFound(await searchResponses(q));
    } catch (e) {
      setError(errorText(e));
    }
  }

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const field = (name: string) => String(f.get(name) ?? "").trim() || undefined;
    const q: ResponseSearchQuery = { id: field("id"), day: field("day"), unit: field("unit"), deviceId: field("deviceId") };
    if (!(q.id && q.id.length >= 8) && !q.day && !q.deviceId) return setError(T.searchNeedsKey);
    setQuery(q);
    void run(q);
  }

  return (
    <section className="response-search" data-testid="response-search">
      <h3>{T.searchTitle}</h3>
      <p className="admin-muted">{T.searchHint}</p>
      <form className="admin-row" onSubmit={submit}>
        <label>
          {T.searchId}
          <input name="id" size={38} />
        </label>
        <label>
          {T.searchDay}
          <input name="day" type="date" />
        </label>
        <label>
          {T.searchDevice}
          <input name="deviceId" size={16} />
        </label>
        <label htmlFor="response-search-unit">
          {T.searchUnit}
          <UnitPicker id="response-search-unit" name="unit" label={T.searchUnit} value={unit} onChange={setUnit} />
        </label>
        <button className="button" type="submit">
          {T.search}
        </button>
      </form>
      {error && <p className="admin-error">{error}</p>}
      {found && found.length === 0 && <p className="admin-muted">{T.searchEmpty}</p>}
      {found && <ReviewList items={found} onDone={() => query && void run(query)} />}
    </section>
  );
}
