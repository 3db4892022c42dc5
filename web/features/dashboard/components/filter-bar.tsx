import { useState } from "react";
import { texts } from "../../../lib/i18n";
import type { DashboardFilters } from "../types";

const T = texts.dashboard;

/** Audience, channel, date range: each change rewrites the URL, which drives the queries. */
export function FilterBar({ filters, onChange }: { filters: DashboardFilters; onChange: (patch: Partial<DashboardFilters>) => void }) {
  // A start after the end is refused here, with a reason beside the fields: sent on, the server's
  // 422 used to blank the whole dashboard (filter bar included) into a retry message.
  const [rangeError, setRangeError] = useState<string | null>(null);
  const setDay = (which: "from" | "to", value: string) => {
    const next = { from: filters.from, to: filters.to, [which]: value || undefined };
    if (next.from && next.to && next.from > next.to) return setRangeError(T.rangeReversed);
    setRangeError(null);
    onChange({ [which]: value || undefined });
  };
  return (
    <form className="dash-filters no-print" onSubmit={(e) => e.preventDefault()}>
      <label>
        {T.audience}
        <select
          value={filters.audience ?? ""}
          onChange={(e) => onChange({ audience: (e.target.value || undefined) as DashboardFilters["audience"] })}
        >
          <option value="">{T.audiences.all}</option>
          <option value="resident">{T.audiences.resident}</option>
          <option value="shopkeeper">{T.audiences.shopkeeper}</option>
          <option value="parent">{T.audiences.parent}</option>
        </select>
      </label>
      <label>
        {T.channel}
        <select
          value={filters.channel ?? ""}
          onChange={(e) => onChange({ channel: (e.target.value || undefined) as DashboardFilters["channel"] })}
        >
          <option value="">{T.channels.all}</option>
          <option value="qr">{T.channels.qr}</option>
          <option value="interview">{T.channels.interview}</option>
        </select>
      </label>
      <label>
        {T.from}
        <input
          type="date"
          value={filters.from ?? ""}
          max={filters.to}
          aria-invalid={rangeError !== null}
          onChange={(e) => setDay("from", e.target.value)}
        />
      </label>
      <label>
        {T.to}
        <input
          type="date"
          value={filters.to ?? ""}
          min={filters.from}
          aria-invalid={rangeError !== null}
          onChange={(e) => setDay("to", e.target.value)}
        />
      </label>
      <label className="dash-filters__check">
        <input type="checkbox" checked={!!filters.includeFlagged} onChange={(e) => onChange({ includeFlagged: e.target.checked })} />
        {T.includeFlagged}
      </label>
      <button
        type="button"
        className="button button--ghost"
        onClick={() => {
          setRangeError(null);
          onChange({ audience: undefined, channel: undefined, from: undefined, to: undefined, includeFlagged: false });
        }}
      >
        {T.reset}
      </button>
      {rangeError && (
        <p className="dash-filters__error" role="alert">
          {rangeError}
        </p>
      )}
    </form>
  );
}
