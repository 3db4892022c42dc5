/**
 * ECharts, trimmed to what the dashboard draws: bars, lines and the funnel plot's scatter on a grid,
 * tooltips, legends, a mark line for the 90% threshold and label layout (the funnel's names
 * hide rather than overlap), rendered as SVG (sharp when printed). ECharts is the usual
 * chart library of Chinese government dashboards, Apache-2.0, actively released, and handles
 * Chinese labels and print well; this module is only reached through a lazy import.
 */
import { BarChart, LineChart, ScatterChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { LabelLayout } from "echarts/features";
import { SVGRenderer } from "echarts/renderers";

echarts.use([
  BarChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  LabelLayout,
  SVGRenderer,
]);

export { echarts };
export type EChartsOption = echarts.EChartsCoreOption;
