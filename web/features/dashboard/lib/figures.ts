import { texts } from "../../../lib/i18n";
import type { ModeGap, Reliability } from "../types";
import { pct } from "./format";

const T = texts.dashboard;

/** An effective sample as people read it: a whole number of respondents. */
export const nEffText = (nEff: number) => String(Math.round(nEff));

/** What the figure's reliability says beside it (§7): nothing when it is fine. */
export function reliabilityNote(reliability: Reliability, nEff: number): string | null {
  if (reliability === "low") return T.reliability.low(Math.round(nEff));
  if (reliability === "review") return T.reliability.review;
  return null;
}

/** The reliability as a table or export cell says it, "ok" included. */
export const reliabilityLabel = (reliability: Reliability, nEff: number) => reliabilityNote(reliability, nEff) ?? T.reliability.ok;

/**
 * §7 neededN as a short label and its one-line meaning. neededN counts respondents (answer
 * sheets), already scaled by the design effect n/nEff, assuming the rate and that effect hold.
 * Null neededN with a rate means the rate sits on the threshold (or needs over a million).
 */
export function neededTexts(
  neededN: number | null,
  rate: number | null,
  threshold: number,
): { label: string; explain: string | null } | null {
  if (rate === null) return null;
  if (neededN === null) return { label: T.neededNever, explain: null };
  if (neededN === 0) return { label: T.neededDecided, explain: null };
  return { label: T.needed(neededN), explain: T.neededExplain(neededN, pct(threshold, 0)) };
}

const points = (v: number) => (Math.abs(v) * 100).toFixed(1);
const signedPoints = (v: number) => `${v < 0 ? "−" : ""}${points(v)}`;

/** "入户访问比扫码填写低 4.2 个百分点（95%区间 −8.1 至 −0.3 个百分点）"; null unless both channels have data. */
export function modeGapText(gap: ModeGap): string | null {
  if (gap.diff === null || gap.qr === null || gap.interview === null) return null;
  const direction = Math.abs(gap.diff) < 0.0005 ? "same" : gap.diff < 0 ? "lower" : "higher";
  const interval = gap.ci95 ? `${signedPoints(gap.ci95[0])} 至 ${signedPoints(gap.ci95[1])}` : null;
  return T.modeGap(direction, points(gap.diff), interval);
}
