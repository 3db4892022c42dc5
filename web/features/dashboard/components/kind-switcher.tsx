import { texts } from "../../../lib/i18n";
import type { UnitKind } from "../types";

const T = texts.dashboard;

/** Which kind of child the ranking shows: subdistricts and schools are never ranked together (§7). */
export function KindSwitcher({
  kinds,
  value,
  onChange,
}: {
  kinds: UnitKind[];
  value: UnitKind | null;
  onChange: (kind: UnitKind) => void;
}) {
  if (kinds.length < 2) return null;
  return (
    <fieldset className="dash-kinds no-print">
      <legend className="visually-hidden">{T.kindSwitch}</legend>
      {kinds.map((k) => (
        <button
          key={k}
          type="button"
          aria-pressed={k === value}
          className={k === value ? "button" : "button button--ghost"}
          onClick={() => onChange(k)}
        >
          {T.kinds[k]}
        </button>
      ))}
    </fieldset>
  );
}
