import { texts } from "../../../lib/i18n";
import { byRateDesc } from "./format";
import type { Cell } from "./table-export";
import { METRIC_KEYS, type MetricKey, type MetricMap, type UnitRef } from "../types";

const T = texts.dashboard;
export interface RankRow {
  rank: number | null;
  unit: UnitRef;
  metrics: MetricMap;
}

/** Ranks by the chosen metric; units without answers are listed unranked at the end. */
export function rankRows(rows: { unit: UnitRef; metrics: MetricMap }[], metric: MetricKey): RankRow[] {
  let rank = 0;
  return byRateDesc(rows, (r) => r.metrics[metric].rate).map((r) => ({ ...r, rank: r.metrics[metric].rate === null ? null : ++rank }));
}

const round = (v: number | null) => (v === null ? null : Math.round(v * 10000) / 100);

/** The table exactly as exported: header row, then one row per unit (rates in percent, 2 decimals). */
export function rankingCells(rows: RankRow[], metric: MetricKey): Cell[][] {
  const header: Cell[] = [
    T.rank,
    T.unit,
    "代码",
    `${T.respondents}（${T.metrics[metric]}）`,
    ...METRIC_KEYS.map((k) => `${T.metrics[k]}(%)`),
    `${T.metrics[metric]}状态`,
  ];
  return [
    header,
    ...rows.map((r) => [
      r.rank,
      r.unit.name,
      r.unit.code,
      r.metrics[metric].respondents,
      ...METRIC_KEYS.map((k) => round(r.metrics[k].rate)),
      T.status[r.metrics[metric].status],
    ]),
  ];
}
