import { lazy, Suspense, useMemo } from "react";
import { texts } from "../../../lib/i18n";
import type { MetricKey, MetricMap, TrendBody, UnitRef } from "../types";

const EChart = lazy(() => import("./echart"));
const T = texts.dashboard;
const pctLabel = (v: number) => `${Math.round(v * 100)}%`;

/** Bars of the ranking metric per unit with the threshold drawn across. */
export function RateBarChart({
  rows,
  metric,
  threshold,
}: {
  rows: { unit: UnitRef; metrics: MetricMap }[];
  metric: MetricKey;
  threshold: number;
}) {
  const option = useMemo(
    () => ({
      grid: { left: 48, right: 56, top: 24, bottom: 72 },
      tooltip: { trigger: "axis", valueFormatter: (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)}%`) },
      xAxis: { type: "category", data: rows.map((r) => r.unit.name), axisLabel: { interval: 0, rotate: rows.length > 6 ? 35 : 0 } },
      yAxis: { type: "value", min: 0, max: 1, axisLabel: { formatter: pctLabel } },
      series: [
        {
          type: "bar",
          name: T.metrics[metric],
          data: rows.map((r) => ({
            value: r.metrics[metric].rate,
            itemStyle: {
              color: r.metrics[metric].status === "pass" ? "#1a7f37" : r.metrics[metric].status === "fail" ? "#b3261e" : "#9aa0a6",
            },
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
    [rows, metric, threshold],
  );
  return (
    <Suspense fallback={<div className="dash-chart" style={{ height: 320 }} />}>
      <EChart option={option} label={T.chartTitle(T.metrics[metric])} />
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
