import { lazy, Suspense, useMemo } from "react";
import { texts } from "../../../lib/i18n";
import { escapeHtml, funnelCurves, funnelFloor, isOutside, type FunnelPoint } from "../lib/funnel";
import { nEffText } from "../lib/figures";
import { pct } from "../lib/format";

const EChart = lazy(() => import("../../../lib/ui/echart"));
const T = texts.dashboard;
const pctLabel = (v: number) => `${Math.round(v * 100)}%`;

const COLOURS: Record<FunnelPoint["funnel"], string> = {
  "below99.8": "#b3261e",
  below95: "#e8710a",
  within: "#5f6670",
  above95: "#34a853",
  "above99.8": "#1a7f37",
};

/**
 * Funnel plot (§7): each child's rate against its effective sample, the threshold, and the 95%
 * and 99.8% control limits threshold ± z·sqrt(p0(1-p0)/nEff). Points outside the limits are
 * drawn larger, as diamonds, and carry their names, so they stand out without colour too.
 */
export function FunnelChart({ points, threshold, metric }: { points: FunnelPoint[]; threshold: number; metric: string }) {
  const option = useMemo(() => {
    const curves = funnelCurves(threshold, Math.max(...points.map((p) => p.nEff), 10));
    const xMid = curves.xMax / 2;
    const limit = (name: string, data: [number, number][], type: "dashed" | "dotted", color: string) => ({
      type: "line",
      name,
      data,
      showSymbol: false,
      silent: true,
      lineStyle: { type, color, width: 1.5 },
      itemStyle: { color },
      tooltip: { show: false },
    });
    return {
      grid: { left: 48, right: 32, top: 40, bottom: 48 },
      legend: { top: 0, data: [T.funnelUnits, T.funnelLimit95, T.funnelLimit998] },
      tooltip: {
        trigger: "item",
        formatter: (p: { data: { name: string; value: [number, number] } }) =>
          `${escapeHtml(p.data.name)}<br/>${T.rate} ${pct(p.data.value[1])}<br/>${T.nEff} ${nEffText(p.data.value[0])}`,
      },
      xAxis: { type: "value", name: T.funnelAxis, nameLocation: "middle", nameGap: 28, min: 0 },
      yAxis: { type: "value", min: funnelFloor(points, threshold), max: 1, axisLabel: { formatter: pctLabel } },
      series: [
        {
          type: "scatter",
          name: T.funnelUnits,
          itemStyle: { color: "#5f6670" },
          data: points.map((p) => ({
            name: p.name,
            value: [p.nEff, p.rate],
            symbol: isOutside(p) ? "diamond" : "circle",
            symbolSize: isOutside(p) ? 16 : 9,
            itemStyle: { color: COLOURS[p.funnel] },
            // Names go on the side with room (the right half labels leftwards).
            label: { show: isOutside(p), formatter: () => p.name, position: p.nEff > xMid ? "left" : "right", color: COLOURS[p.funnel] },
          })),
          markLine: {
            symbol: "none",
            silent: true,
            lineStyle: { color: "#b3261e", type: "solid", width: 2 },
            label: { formatter: T.threshold(pctLabel(threshold)), position: "insideEndTop" },
            data: [{ yAxis: threshold }],
          },
          labelLayout: { hideOverlap: true },
          z: 3,
        },
        limit(T.funnelLimit95, curves.lo95, "dashed", "#8a94a0"),
        limit(T.funnelLimit95, curves.hi95, "dashed", "#8a94a0"),
        limit(T.funnelLimit998, curves.lo998, "dotted", "#3c4650"),
        limit(T.funnelLimit998, curves.hi998, "dotted", "#3c4650"),
      ],
    };
  }, [points, threshold]);
  const outside = points.filter(isOutside).map((p) => p.name);
  // The chart is an image to a screen reader; its label says what it shows and who lies outside.
  const label = `${T.funnelTitle(metric)}：${points.length} 个单位${outside.length ? `，${T.funnelOutside}：${outside.join("、")}` : ""}`;
  return (
    <Suspense fallback={<div className="chart" style={{ height: 320 }} />}>
      <EChart option={option} label={label} />
    </Suspense>
  );
}
