import { lazy, Suspense } from "react";
import type { EChartsOption } from "../../../lib/ui/echarts";

const EChart = lazy(() => import("../../../lib/ui/echart"));

/** A 通报 chart on the page: the same option the Word file draws as a PNG. */
export function ReportChart({ option, title }: { option: EChartsOption; title: string }) {
  return (
    <figure className="report-chart">
      <Suspense fallback={<div className="chart" style={{ height: 320 }} />}>
        <EChart option={option} label={title} />
      </Suspense>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
