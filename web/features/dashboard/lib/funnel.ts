import { funnelLimits } from "./precision";

/** One child on the funnel plot: its effective sample, rate and the server's §7 position. */
export interface FunnelPoint {
  name: string;
  nEff: number;
  rate: number;
  funnel: "below99.8" | "below95" | "within" | "above95" | "above99.8";
}

/** The four control-limit curves as [nEff, rate] pairs over the x range, clipped to [0, 1]. */
export function funnelCurves(threshold: number, maxNEff: number, steps = 60) {
  const top = Math.max(10, maxNEff * 1.1);
  const from = 2;
  const xs = Array.from({ length: steps + 1 }, (_, i) => from * (top / from) ** (i / steps));
  const clip = (v: number) => Math.min(1, Math.max(0, v));
  const curve = (pick: (l: ReturnType<typeof funnelLimits>) => number) =>
    xs.map((x) => [Math.round(x * 10) / 10, clip(pick(funnelLimits(threshold, x)))] as [number, number]);
  return {
    xMax: top,
    lo95: curve((l) => l.lo95),
    hi95: curve((l) => l.hi95),
    lo998: curve((l) => l.lo998),
    hi998: curve((l) => l.hi998),
  };
}

/** A y-axis floor that shows every point and the limits near them, in 10-point steps. */
export function funnelFloor(points: readonly FunnelPoint[], threshold: number): number {
  const minNEff = Math.min(...points.map((p) => p.nEff), 30);
  const lowest = Math.min(threshold - 0.05, ...points.map((p) => p.rate), funnelLimits(threshold, Math.max(2, minNEff)).lo998);
  return Math.max(0, Math.floor(lowest * 10) / 10);
}

export const isOutside = (p: FunnelPoint) => p.funnel !== "within";

/** HTML-escapes a unit name for an ECharts tooltip (tooltips are HTML; names come from imports). */
export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
