import { texts } from "../../../lib/i18n";
import { reliabilityLabel } from "./figures";
import type { Cell } from "./table-export";
import type { MetricKey, RankingBody, RankingRow, RatesBody, UnitRef } from "../types";

const T = texts.dashboard;

/** A child as the ranking table lists it: ranked by the server (§7), or without data (row null). */
export interface RankedUnit {
  unit: UnitRef;
  row: RankingRow | null;
  respondents: number;
  /** §7 neededN of the child for the metric, from /rates (the ranking does not carry it). */
  neededN: number | null;
  /** The child's own threshold, which its neededN aims at (a district may stage its own). */
  threshold: number | null;
}

/**
 * The server's ranking of one kind, in its order, followed by the children of that kind that
 * have no answers for the metric (listed so a 通报 shows who sent nothing, but never ranked).
 */
export function rankedUnits(ranking: RankingBody, children: RatesBody["children"], metric: MetricKey): RankedUnit[] {
  const byCode = new Map(children.map((c) => [c.unit.code, c]));
  const ranked = ranking.rows.map((row) => ({
    unit: row.unit,
    row,
    respondents: row.respondents,
    neededN: byCode.get(row.unit.code)?.metrics[metric].neededN ?? null,
    threshold: byCode.get(row.unit.code)?.threshold[metric] ?? null,
  }));
  const listed = new Set(ranking.rows.map((r) => r.unit.code));
  const empty = children
    .filter((c) => c.unit.kind === ranking.kind && !listed.has(c.unit.code))
    .map((c) => ({ unit: c.unit, row: null, respondents: c.metrics[metric].respondents, neededN: null, threshold: c.threshold[metric] }));
  return [...ranked, ...empty];
}

/** "第3名（可能第1–7名）", or "第3名" when the data fix the rank. */
export const rankText = (row: RankingRow) => T.rankText(row.rank, row.rankInterval[0], row.rankInterval[1]);

/** What a 通报 may call the unit (§7): only from the server's flags, never from the raw order. */
export function namingOf(row: RankingRow | null): "lowest" | "best" | null {
  if (row?.mayNameLowest) return "lowest";
  if (row?.mayNameBest) return "best";
  return null;
}

export const namingText = (row: RankingRow | null) => {
  const naming = namingOf(row);
  return naming === "lowest" ? T.lowest : naming === "best" ? T.best : "";
};

const percent = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 10000) / 100);
const oneDecimal = (v: number) => Math.round(v * 10) / 10;

/**
 * The table exactly as exported: header row, then one row per unit. Rates and interval ends in
 * percent with 2 decimals; the reliability, effective sample and design interval go with every rate.
 */
export function rankingCells(units: RankedUnit[], metric: MetricKey): Cell[][] {
  const header: Cell[] = [
    T.rank,
    T.unit,
    "代码",
    T.respondents,
    `${T.metrics[metric]}(%)`,
    T.rankInterval,
    T.nEff,
    T.ciLow,
    T.ciHigh,
    T.reliabilityColumn,
    T.band,
    T.namingColumn,
    T.moreToDecide,
  ];
  return [
    header,
    ...units.map(({ unit, row, respondents, neededN }): Cell[] => [
      row?.rank ?? null,
      unit.name,
      unit.code,
      respondents,
      percent(row?.rate),
      row ? `${row.rankInterval[0]}–${row.rankInterval[1]}` : null,
      row ? oneDecimal(row.nEff) : null,
      percent(row?.ci95Design[0]),
      percent(row?.ci95Design[1]),
      row ? reliabilityLabel(row.reliability, row.nEff) : T.unranked,
      row ? T.bands[row.band] : null,
      namingText(row) || null,
      neededN,
    ]),
  ];
}
