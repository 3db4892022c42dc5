import { lazy, Suspense, useMemo } from "react";
import { texts } from "../../../lib/i18n";
import { reliabilityNote } from "../lib/figures";
import { pct } from "../lib/format";
import { escapeHtml } from "../lib/funnel";
import type { RankedUnit } from "../lib/ranking-rows";
import { versionMarks, type VersionBoundary } from "../lib/version-marks";
import { METRIC_KEYS, type MetricKey, type TrendBody } from "../types";

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
    <>
      <Suspense fallback={<div className="chart" style={{ height: 320 }} />}>
        <EChart option={option} label={T.barTitle(T.metrics[metric])} />
      </Suspense>
      <BandLegend />
    </>
  );
}

/** What the bar colours mean, in words beside each swatch (the chart itself has no legend of bands). */
function BandLegend() {
  return (
    <ul className="dash-legend" data-testid="bar-legend">
      {(["above", "within", "below"] as const).map((band) => (
        <li key={band} data-band={band}>
          <span className="dash-legend__swatch" style={{ background: BAND_COLOURS[band] }} aria-hidden="true" />
          {T.bandLegend[band]}
        </li>
      ))}
      <li data-band="low">
        <span className="dash-legend__swatch" style={{ background: BAND_COLOURS.within, opacity: 0.35 }} aria-hidden="true" />
        {T.bandLegend.low}
      </li>
    </ul>
  );
}

/** Respondents of a week: the largest count of any metric (a lower bound of its answer sheets). */
const weekN = (w: TrendBody["weeks"][number]) => Math.max(...METRIC_KEYS.map((m) => w.metrics[m].respondents));

/**
 * Weekly rates of the four metrics, with the threshold of the first as the guide line, and a
 * vertical line where a new questionnaire version was published (问卷第N版; 口径变化 when a metric
 * question's meaning changed, so the weeks on either side are not compared as like with like).
 */
export function TrendChart({
  weeks,
  threshold,
  boundaries,
}: {
  weeks: TrendBody["weeks"];
  threshold: Record<MetricKey, number>;
  boundaries?: readonly VersionBoundary[];
}) {
  const marks = useMemo(() => versionMarks(weeks, boundaries), [weeks, boundaries]);
  const option = useMemo(
    () => ({
      grid: { left: 48, right: 56, top: 40, bottom: 44 },
      legend: { top: 0 },
      tooltip: {
        trigger: "axis",
        // Each week's rate with its n: a 100% from 3 answers must not read like one from 300.
        formatter: (ps: { dataIndex: number; seriesIndex: number; marker: string; seriesName: string }[]) => {
          const w = weeks[ps[0]!.dataIndex]!;
          const lines = ps.map((p) => {
            const m = w.metrics[METRIC_KEYS[p.seriesIndex]!];
            return `${p.marker}${escapeHtml(p.seriesName)} ${pct(m.rate)}（n=${m.respondents}）`;
          });
          return [T.weekOf(w.week), ...lines].join("<br/>");
        },
      },
      xAxis: { type: "category", data: weeks.map((w) => `${w.week.slice(5)}\n${T.weekN(weekN(w))}`) },
      yAxis: { type: "value", min: 0, max: 1, axisLabel: { formatter: pctLabel } },
      series: METRIC_KEYS.map((m, i) => ({
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
                data: [
                  { yAxis: threshold.awareness },
                  ...marks.map((m) => ({
                    xAxis: m.index,
                    lineStyle: m.meaningChanged ? { color: "#b26a00", type: "solid", width: 2 } : { color: "#5f6670", type: "dotted" },
                    label: { formatter: T.versionMark(m.versions, m.meaningChanged), position: "insideEndTop" },
                  })),
                ],
              },
            }
          : {}),
      })),
    }),
    [weeks, threshold, marks],
  );
  return (
    <>
      <Suspense fallback={<div className="chart" style={{ height: 280 }} />}>
        <EChart option={option} height={280} label={T.trend} />
      </Suspense>
      <p className="dash-muted dash-note" data-testid="trend-n">
        {T.trendN(
          weeks
            .slice(-12)
            .map((w) => `${w.week.slice(5)} n=${weekN(w)}`)
            .join("，"),
        )}
      </p>
      {marks.length > 0 && (
        <p className="dash-muted dash-note" data-testid="trend-versions">
          {marks.map((m) => `${weeks[m.index]!.week.slice(5)} ${T.versionMark(m.versions, m.meaningChanged)}`).join("；")}
        </p>
      )}
    </>
  );
}
