/**
 * The 下载 Word button's work, imported lazily: docx and the canvas renderer load only when a user
 * asks for the file. Built in the browser because the page already holds every figure and chart
 * (no second computation on the server that could differ), and the server stays free of docx.
 */
import { chartPng, CHART_HEIGHT, CHART_WIDTH } from "./chart-png";
import { reportCharts } from "./monthly-charts";
import { monthlyDocxBlob } from "./monthly-docx";
import type { MonthlyReport } from "./monthly-model";
import { download } from "./table-export";

export async function downloadMonthlyDocx(report: MonthlyReport): Promise<void> {
  const charts = reportCharts(report).map(({ title, option }) => ({
    title,
    png: chartPng(option),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  }));
  download(await monthlyDocxBlob(report, charts), report.fileName);
}
