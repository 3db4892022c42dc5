import { lazy, Suspense, useMemo } from "react";
import { texts } from "../../../lib/i18n";
import { reliabilityNote } from "../lib/figures";
import { pct } from "../lib/format";
import { escapeHtml } from "../lib/funnel";
import type { RankedUnit } from "../lib/ranking-rows";
import type { MetricKey, TrendBody } from "../types";

const EChart = lazy(() => import("../../../lib/ui/echart"));
const T = texts.dashboard;
const pctLabel = (v: number) => `${Math.round(v * 100)}%`;

const BAND_COLOURS = { above: "#1a7f37", below: "#b3261e", within: "#5f7d95" } as const;

/**
 * Bars of the ranking metric per child of one kind, in rank order, with the threshold across.
 * Colour follows the band of the design interval; a low-reliability bar is pale and its
 * tooltip says 样本不足（有效样本 N）.
 */
export function RateBarChart({ units, metric, threshold }: { units: RankedUnit[]; metric: MetricKey; threshold: number }) {
  const ranked = useMemo(() => units.filter((u) => u.row), [units]);
  const option = useMemo(
    () => ({
      grid: { left: 48, right: 56, top: 24, bottom: 72 },
      tooltip: {
        trigger: "item",
        formatter: (p: { dataIndex: number }) => {
          const row = ranked[p.dataIndex]!.row!;
          const note = reliabilityNote(row.reliability, row.nEff);
          return `${escapeHtml(row.unit.name)}<br/>${pct(row.rate)}${note ? `<br/>${note}` : ""}`;
        },
      },
      xAxis: {
        type: "category",
        data: ranked.map((u) => u.unit.name),
        axisLabel: { interval: 0, rotate: ranked.length > 6 ? 35 : 0 },
      },
      yAxis: { type: "value", min: 0, max: 1, axisLabel: { formatter: pctLabel } },
      series: [
        {
          type: "bar",
          name: T.metrics[metric],
          data: ranked.map((u) => ({
            value: u.row!.rate,
            itemStyle: { color: BAND_COLOURS[u.row!.band], opacity: u.row!.reliability === "low" ? 0.35 : 1 },
          })),
          markLine: {
            symbol: "none",
            lineStyle: { color: "#b3261e", type: "dashed", width: 2 },
            label: { formatter: T.threshold(pctLabel(threshold)), position: "insideEndTop" },
            data: [{ yAxis: threshold }],
          },
        },
      ],
    }),
    [ranked, metric, threshold],
  );
  return (
    <Suspense fallback={<div className="dash-chart" style={{ height: 320 }} />}>
      <EChart option={option} label={T.barTitle(T.metrics[metric])} />
    </Suspense>
  );
}

/** Weekly rates of the four metrics, with the threshold of the first as the guide line. */
export function TrendChart({ weeks, threshold }: { weeks: TrendBody["weeks"]; threshold: Record<MetricKey, number> }) {
  const option = useMemo(
    () => ({
      grid: { left: 48, right: 56, top: 40, bottom: 32 },
      legend: { top: 0 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: weeks.map((w) => w.week.slice(5)) },
      yAxis: { type: "value", min: 0, max: 1, axisLabel: { formatter: pctLabel } },
      series: (["awareness", "support", "participation", "satisfaction"] as const).map((m, i) => ({
        type: "line",
        name: T.metrics[m],
        connectNulls: false,
        data: weeks.map((w) => w.metrics[m].rate),
        ...(i === 0
          ? {
              markLine: {
                symbol: "none",
                lineStyle: { color: "#b3261e", type: "dashed" },
                label: { formatter: T.threshold(pctLabel(threshold.awareness)), position: "insideEndTop" },
                data: [{ yAxis: threshold.awareness }],
              },
            }
          : {}),
      })),
    }),
    [weeks, threshold],
  );
  return (
    <Suspense fallback={<div className="dash-chart" style={{ height: 280 }} />}>
      <EChart option={option} height={280} label={T.trend} />
    </Suspense>
  );
}
