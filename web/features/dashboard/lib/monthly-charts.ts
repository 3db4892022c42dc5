/**
 * The 通报's two charts as plain ECharts options, drawn on the page (SVG) and, the same options,
 * as PNG images for the Word file (lib/chart-png.ts), so the picture in the file is the page's.
 */
import { texts } from "../../../lib/i18n";
import type { EChartsOption } from "../../../lib/ui/echarts";
import { pct } from "./format";
import type { MonthlyReport, RankingSection } from "./monthly-model";

const M = texts.monthlyReport;
const T = texts.dashboard;
const pctLabel = (v: number) => `${Math.round(v * 100)}%`;
const BAND_COLOURS = { above: "#1a7f37", below: "#b3261e", within: "#5f7d95" } as const;
const TEXT = { fontFamily: "sans-serif", color: "#222" };

export const metricsChartTitle = (r: MonthlyReport) => M.chartMetrics(r.monthLabel, r.previousLabel);

/** This month's and the previous month's rate per metric, side by side. */
export function metricsChartOption(r: MonthlyReport): EChartsOption {
  const label = { show: true, position: "top", formatter: (p: { value: number | null }) => pct(p.value) };
  return {
    animation: false,
    textStyle: TEXT,
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 32 },
    xAxis: { type: "category", data: r.metricBars.map((b) => b.name) },
    yAxis: { type: "value", min: 0, max: 1, axisLabel: { formatter: pctLabel } },
    series: [
      { type: "bar", name: r.monthLabel, data: r.metricBars.map((b) => b.current), itemStyle: { color: "#b3261e" }, label },
      { type: "bar", name: r.previousLabel, data: r.metricBars.map((b) => b.previous), itemStyle: { color: "#9aa5b1" }, label },
    ],
  };
}

/** One kind's ranked units, coloured by band; a low-reliability bar is pale. */
export function rankingChartOption(s: RankingSection): EChartsOption {
  return {
    animation: false,
    textStyle: TEXT,
    grid: { left: 48, right: 56, top: 24, bottom: 72 },
    xAxis: { type: "category", data: s.bars.map((b) => b.unit), axisLabel: { interval: 0, rotate: s.bars.length > 6 ? 35 : 0 } },
    yAxis: { type: "value", min: 0, max: 1, axisLabel: { formatter: pctLabel } },
    series: [
      {
        type: "bar",
        data: s.bars.map((b) => ({ value: b.rate, itemStyle: { color: BAND_COLOURS[b.band], opacity: b.low ? 0.35 : 1 } })),
        label: { show: true, position: "top", formatter: (p: { value: number }) => pct(p.value) },
        markLine: {
          symbol: "none",
          lineStyle: { color: "#b3261e", type: "dashed", width: 2 },
          label: { formatter: T.threshold(pctLabel(s.threshold)), position: "insideEndTop" },
          data: [{ yAxis: s.threshold }],
        },
      },
    ],
  };
}

/** The charts of a report in the order the file places them: metrics first, then the first ranking. */
export function reportCharts(r: MonthlyReport): { title: string; option: EChartsOption }[] {
  const first = r.rankings[0];
  return [
    { title: metricsChartTitle(r), option: metricsChartOption(r) },
    ...(first && first.bars.length > 0 ? [{ title: first.title, option: rankingChartOption(first) }] : []),
  ];
}
