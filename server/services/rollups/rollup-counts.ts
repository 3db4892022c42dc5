import { METRICS, type Metric } from "../../../surveys/properties";
import { classifyAnswer, type MetricQuestion } from "../rates/metric-definitions";
import type { MetricSums } from "../rates/metric-status";

/**
 * The counts one rollup row holds for a group of responses, packed in one JSON value so a write
 * touches one row per (unit, period) instead of one per question and answer:
 * - `m`: per metric, [respondents, answers, positive, scoreSum, scoreCount] (docs/design.md §5);
 * - `q`: per metric question, [answers, positive] (excluded answers left out, as in `m`).
 * Answers are classified by the response's own survey version when it is counted, so later
 * versions that change `positive` or `excluded` do not rewrite history.
 */
export interface RollupCounts {
  m: Partial<Record<Metric, number[]>>;
  q: Record<string, number[]>;
}

export const emptyCounts = (): RollupCounts => ({ m: {}, q: {} });

/** What one response adds: its classified answers. Computed once, then added to every ancestor. */
export function countsOfResponse(questions: readonly MetricQuestion[], answers: Record<string, unknown>): RollupCounts {
  const out = emptyCounts();
  for (const q of questions) {
    const c = classifyAnswer(q, answers[q.name]);
    if (!c.counted) continue;
    const m = (out.m[q.metric] ??= [0, 0, 0, 0, 0]);
    m[1]! += 1;
    if (c.positive) m[2]! += 1;
    if (c.score !== null) {
      m[3]! += c.score;
      m[4]! += 1;
    }
    const qc = (out.q[q.name] ??= [0, 0]);
    qc[0]! += 1;
    if (c.positive) qc[1]! += 1;
  }
  // A respondent counts once per metric with at least one counted answer.
  for (const m of Object.values(out.m)) m[0] = 1;
  return out;
}

/** Adds `add` (times sign) into `into`, in place. */
export function addCounts(into: RollupCounts, add: RollupCounts, sign = 1): RollupCounts {
  for (const [metric, v] of Object.entries(add.m) as [Metric, number[]][]) {
    const t = (into.m[metric] ??= [0, 0, 0, 0, 0]);
    for (let i = 0; i < 5; i++) t[i]! += sign * v[i]!;
  }
  for (const [name, v] of Object.entries(add.q)) {
    const t = (into.q[name] ??= [0, 0]);
    t[0]! += sign * v[0]!;
    t[1]! += sign * v[1]!;
  }
  return into;
}

/**
 * Canonical text: keys sorted and all-zero entries dropped, so counts reached incrementally and
 * by a rebuild are stored identically (the tests compare the tables as text).
 */
export function serializeCounts(c: RollupCounts): string {
  const m: Record<string, number[]> = {};
  for (const metric of METRICS) {
    const v = c.m[metric];
    if (v?.some((x) => x !== 0)) m[metric] = v;
  }
  const q: Record<string, number[]> = {};
  for (const name of Object.keys(c.q).sort()) {
    const v = c.q[name]!;
    if (v.some((x) => x !== 0)) q[name] = v;
  }
  return JSON.stringify({ m, q });
}

export function parseCounts(text: string): RollupCounts {
  return JSON.parse(text) as RollupCounts;
}

export function metricSums(c: RollupCounts, metric: Metric): MetricSums {
  const v = c.m[metric] ?? [0, 0, 0, 0, 0];
  return { respondents: v[0]!, answers: v[1]!, positive: v[2]!, scoreSum: v[3]!, scoreCount: v[4]! };
}
