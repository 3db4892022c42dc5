import type { Metric } from "../../../surveys/properties";
import type { UnitKind } from "../../contracts/unit-kinds";
import { UNIT_KINDS } from "../../contracts/unit-kinds";
import { normalQuantile } from "../../lib/normal-quantile";
import { Z95, wilson } from "../../lib/wilson";
import type { Reliability } from "./design-precision";
import type { ChildRates, UnitRef } from "./rates";
import { kindHoldsAudience } from "../surveys/audience";

export type Band = "above" | "below" | "within";
export type FunnelPosition = "below99.8" | "below95" | "within" | "above95" | "above99.8";

/** One row of GET /api/v1/rates/ranking (docs/design.md §7). */
export interface RankingRow {
  unit: UnitRef;
  rate: number;
  respondents: number;
  nEff: number;
  ci95Design: [number, number];
  reliability: Reliability;
  rank: number;
  rankInterval: [number, number];
  band: Band;
  funnel: FunnelPosition;
  /** What a 通报 may say of the unit (§7): 末位 only when below and not low, 先进 only when above. */
  mayNameLowest: boolean;
  mayNameBest: boolean;
}

export interface Ranking {
  unit: UnitRef;
  metric: Metric;
  threshold: number;
  /** The kind ranked, and every kind the unit's children have (a table offers the others). */
  kind: UnitKind | null;
  kinds: UnitKind[];
  /** The kinds of `kinds` whose units can hold answers of the requested audience (all without one). */
  kindsForAudience: UnitKind[];
  rows: RankingRow[];
}

/** The z of the 99.8% funnel limits (§7). */
const Z998 = 3.090232;

/** The kind most of the children have; a tie goes to the kind higher in the hierarchy. */
export function commonestKind(children: readonly { unit: UnitRef }[]): UnitKind | null {
  const counts = new Map<UnitKind, number>();
  for (const c of children) counts.set(c.unit.kind, (counts.get(c.unit.kind) ?? 0) + 1);
  let best: UnitKind | null = null;
  for (const kind of UNIT_KINDS) if ((counts.get(kind) ?? 0) > (best ? counts.get(best)! : 0)) best = kind;
  return best;
}

export function bandOf(ci: readonly [number, number], threshold: number): Band {
  if (ci[0] >= threshold) return "above";
  if (ci[1] < threshold) return "below";
  return "within";
}

/** Where the rate falls in a funnel plot around the threshold, for its effective sample. */
export function funnelOf(rate: number, threshold: number, nEff: number): FunnelPosition {
  const s = Math.sqrt((threshold * (1 - threshold)) / nEff);
  if (rate < threshold - Z998 * s) return "below99.8";
  if (rate < threshold - Z95 * s) return "below95";
  if (rate > threshold + Z998 * s) return "above99.8";
  if (rate > threshold + Z95 * s) return "above95";
  return "within";
}

/**
 * Ranks the direct children of one kind that have respondents for the metric (§7): rank by rate
 * (ties share the better rank), a rank interval from Bonferroni-adjusted Wilson intervals on each
 * unit's effective sample (so a table never claims more order than the data hold), the band
 * against the threshold and the funnel position. Subdistricts and schools are never mixed.
 * Without a kind, the commonest kind among the children that can hold the audience's answers
 * (schools have no residents), so 居民 never opens on a ranking of schools with no data.
 */
export function rankChildren(
  unit: UnitRef,
  metric: Metric,
  threshold: number,
  children: readonly ChildRates[],
  kind?: UnitKind,
  audience?: string,
): Ranking {
  const kinds = UNIT_KINDS.filter((k) => children.some((c) => c.unit.kind === k));
  const kindsForAudience = kinds.filter((k) => kindHoldsAudience(k, audience));
  const fitting = children.filter((c) => kindHoldsAudience(c.unit.kind, audience));
  const ranked = kind ?? commonestKind(fitting.length > 0 ? fitting : children);
  const candidates = children.filter((c) => c.unit.kind === ranked && c.metrics[metric].respondents > 0 && c.metrics[metric].rate !== null);
  const K = candidates.length;
  const zK = K > 0 ? normalQuantile(1 - 0.025 / K) : Z95;
  const wide = candidates.map((c) => wilson(c.metrics[metric].rate!, c.metrics[metric].nEff, zK));
  const rows = candidates.map((c, i): RankingRow => {
    const m = c.metrics[metric];
    const rate = m.rate!;
    const better = candidates.filter((o) => o.metrics[metric].rate! > rate).length;
    const surelyBetter = wide.filter((w) => w[0] > wide[i]![1]).length;
    const surelyWorse = wide.filter((w) => w[1] < wide[i]![0]).length;
    const band = bandOf(m.ci95Design, threshold);
    return {
      unit: c.unit,
      rate,
      respondents: m.respondents,
      nEff: m.nEff,
      ci95Design: m.ci95Design,
      reliability: m.reliability,
      rank: 1 + better,
      rankInterval: [1 + surelyBetter, K - surelyWorse],
      band,
      funnel: funnelOf(rate, threshold, m.nEff),
      mayNameLowest: band === "below" && m.reliability !== "low",
      mayNameBest: band === "above",
    };
  });
  rows.sort((a, b) => a.rank - b.rank || a.unit.code.localeCompare(b.unit.code));
  return { unit, metric, threshold, kind: ranked, kinds, kindsForAudience, rows };
}
