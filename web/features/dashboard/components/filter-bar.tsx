import { texts } from "../../../lib/i18n";
import type { DashboardFilters } from "../types";

const T = texts.dashboard;

/** Audience, channel, date range: each change rewrites the URL, which drives the queries. */
export function FilterBar({ filters, onChange }: { filters: DashboardFilters; onChange: (patch: Partial<DashboardFilters>) => void }) {
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
        <input type="date" value={filters.from ?? ""} onChange={(e) => onChange({ from: e.target.value || undefined })} />
      </label>
      <label>
        {T.to}
        <input type="date" value={filters.to ?? ""} onChange={(e) => onChange({ to: e.target.value || undefined })} />
      </label>
      <label className="dash-filters__check">
        <input type="checkbox" checked={!!filters.includeFlagged} onChange={(e) => onChange({ includeFlagged: e.target.checked })} />
        {T.includeFlagged}
      </label>
      <button
        type="button"
        className="button button--ghost"
        onClick={() => onChange({ audience: undefined, channel: undefined, from: undefined, to: undefined, includeFlagged: false })}
      >
        {T.reset}
      </button>
    </form>
  );
}
