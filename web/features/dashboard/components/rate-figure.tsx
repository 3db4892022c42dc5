import { texts } from "../../../lib/i18n";
import { reliabilityNote } from "../lib/figures";
import { pct } from "../lib/format";
import type { Reliability } from "../types";

const T = texts.dashboard;

/**
 * A rate with its §7 reliability: a `low` figure is greyed and says 样本不足（有效样本 N）, a
 * `review` one says 需复核, in words beside the number so the warning never rests on colour.
 */
export function RateFigure({ rate, reliability, nEff }: { rate: number | null; reliability: Reliability; nEff: number }) {
  const note = rate === null ? null : reliabilityNote(reliability, nEff);
  return (
    <span className={`dash-rate dash-rate--${reliability}`} data-reliability={reliability}>
      <span className="dash-rate__value">{pct(rate)}</span>
      {note && (
        <span className="dash-rate__note" title={reliability === "low" ? T.reliabilityHint.low : T.reliabilityHint.review}>
          {note}
        </span>
      )}
    </span>
  );
}
