/**
 * ECharts drawn on a canvas off screen and read back as PNG bytes for the Word file (Word and WPS
 * show PNG everywhere; the page itself keeps SVG). Only reached through the lazy import of the
 * download, so the canvas renderer never enters the dashboard chunk.
 */
import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkLineComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import type { EChartsOption } from "../../../lib/ui/echarts";

echarts.use([BarChart, GridComponent, LegendComponent, MarkLineComponent, CanvasRenderer]);

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 320;

/** The chart as PNG at twice its CSS size (sharp when printed from Word). */
export function chartPng(option: EChartsOption, width = CHART_WIDTH, height = CHART_HEIGHT): Uint8Array {
  const host = document.createElement("div");
  host.style.cssText = `position:fixed;left:-10000px;top:0;width:${width}px;height:${height}px`;
  document.body.append(host);
  const chart = echarts.init(host, undefined, { renderer: "canvas", width, height });
  try {
    chart.setOption({ ...option, animation: false });
    const url = chart.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" });
    return Uint8Array.from(atob(url.slice(url.indexOf(",") + 1)), (c) => c.charCodeAt(0));
  } finally {
    chart.dispose();
    host.remove();
  }
}
