import { lazy, Suspense, useMemo } from "react";
import { texts } from "../../../lib/i18n";
import { pct } from "../lib/format";
import type { QuestionDistribution } from "../types";

const EChart = lazy(() => import("../../../lib/ui/echart"));
const T = texts.distributions;

/** Horizontal bars of one question's choices: count at the bar's end with its share. */
export function ChoiceChart({ question }: { question: QuestionDistribution }) {
  const height = 24 + 30 * question.choices.length;
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 96, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: "item" },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: {
        type: "category",
        inverse: true,
        data: question.choices.map((c) => c.label),
        axisLabel: { width: 180, overflow: "truncate" },
      },
      series: [
        {
          type: "bar",
          barMaxWidth: 20,
          itemStyle: { color: question.metric ? "#2f6f9f" : "#5f7d95" },
          data: question.choices.map((c) => c.count),
          label: {
            show: true,
            position: "right",
            formatter: (p: { dataIndex: number }) => {
              const c = question.choices[p.dataIndex]!;
              return `${c.count}（${pct(c.share)}）`;
            },
          },
        },
      ],
    }),
    [question],
  );
  return (
    <Suspense fallback={<div className="chart" style={{ height }} />}>
      <EChart option={option} height={height} label={T.chartLabel(question.title)} />
    </Suspense>
  );
}
