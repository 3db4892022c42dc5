import { classifyAnswer, type MetricQuestion } from "../rates/metric-definitions";
import type { DistributionQuestion } from "../distributions/distribution-questions";

/**
 * How a rollup row's responses answered every closed and numeric question (issue 14), packed in
 * the row's own `dist` column, apart from `counts`, so the rates reads do not parse it:
 * - `n`: per multiple-choice question, the respondents who answered it (for the others it is the
 *   sum of `c`, one value per respondent, so it is not stored);
 * - `c`: per question, per answer value, how many chose it (a multiple choice counts each value
 *   chosen; a numeric item's values form its histogram, from which mean and quartiles are exact);
 * - `x`: per profile question, per its answer, per metric question, [answers, positive] with the
 *   metric rules of `q` in the counts (excluded answers left out), for the cross-tab.
 * Values are keyed by `valueKey`: a string as itself, anything else (and a string that starts
 * with "#") as "#" + its JSON, so "5" and 5 stay apart as the metric rules keep them, and the
 * common string answers cost no escaped quotes in every row.
 *
 * Stored, `x` is packed: `xq` lists the metric questions once, and each profile answer holds one
 * flat array [answers, positive] per name of `xq` in order, so a month row with many profile
 * answers does not repeat every question's name for each.
 *
 * A row written before issue 14 has no `dist` (null): it reads as empty, and
 * `npm run rollups:rebuild` fills it.
 */
export interface DistCounts {
  n: Record<string, number>;
  c: Record<string, Record<string, number>>;
  x: Record<string, Record<string, Record<string, number[]>>>;
}

export const emptyDist = (): DistCounts => ({ n: {}, c: {}, x: {} });

/** The key of an answer value in `c` and `x`. */
export const valueKey = (value: unknown): string =>
  typeof value === "string" && !value.startsWith("#") ? value : `#${JSON.stringify(value)}`;

/** The answer value a key stands for (valueKey's inverse). */
export const keyValue = (key: string): unknown => (key.startsWith("#") ? JSON.parse(key.slice(1)) : key);

const answered = (v: unknown) => v !== undefined && v !== null && v !== "";

/** What one response adds. */
export function distOfResponse(
  questions: readonly DistributionQuestion[],
  metricQuestions: readonly MetricQuestion[],
  answers: Record<string, unknown>,
): DistCounts {
  const out = emptyDist();
  for (const q of questions) {
    const v = answers[q.name];
    if (q.kind === "multi") {
      if (!Array.isArray(v) || v.length === 0) continue;
      out.n[q.name] = 1;
      const per: Record<string, number> = (out.c[q.name] = {});
      for (const item of new Set(v.map(valueKey))) per[item] = 1;
    } else if (q.kind === "numeric") {
      if (typeof v !== "number" || !Number.isFinite(v)) continue;
      out.c[q.name] = { [valueKey(v)]: 1 };
    } else {
      if (!answered(v) || typeof v === "object") continue;
      out.c[q.name] = { [valueKey(v)]: 1 };
      if (q.profile) {
        const perMetric: Record<string, number[]> = {};
        for (const m of metricQuestions) {
          const c = classifyAnswer(m, answers[m.name]);
          if (c.counted) perMetric[m.name] = [1, c.positive ? 1 : 0];
        }
        if (Object.keys(perMetric).length > 0) out.x[q.name] = { [valueKey(v)]: perMetric };
      }
    }
  }
  return out;
}

function addFlat(into: Record<string, number>, add: Record<string, number>, sign: number): void {
  for (const [k, v] of Object.entries(add)) into[k] = (into[k] ?? 0) + sign * v;
}

/** Adds `add` (times sign) into `into`, in place. */
export function addDist(into: DistCounts, add: DistCounts, sign = 1): DistCounts {
  addFlat(into.n, add.n, sign);
  for (const [q, per] of Object.entries(add.c)) addFlat((into.c[q] ??= {}), per, sign);
  for (const [p, perValue] of Object.entries(add.x)) {
    const intoP = (into.x[p] ??= {});
    for (const [value, perMetric] of Object.entries(perValue)) {
      const intoV = (intoP[value] ??= {});
      for (const [m, pair] of Object.entries(perMetric)) {
        const t = (intoV[m] ??= [0, 0]);
        t[0]! += sign * pair[0]!;
        t[1]! += sign * pair[1]!;
      }
    }
  }
  return into;
}

const sortedKeys = (o: object) => Object.keys(o).sort();

/** Canonical text (keys sorted, zero entries dropped), so incremental and rebuilt rows are equal as text. */
export function serializeDist(d: DistCounts): string {
  const n: Record<string, number> = {};
  for (const k of sortedKeys(d.n)) if (d.n[k] !== 0) n[k] = d.n[k]!;
  const c: Record<string, Record<string, number>> = {};
  for (const q of sortedKeys(d.c)) {
    const per: Record<string, number> = {};
    for (const k of sortedKeys(d.c[q]!)) if (d.c[q]![k] !== 0) per[k] = d.c[q]![k]!;
    if (Object.keys(per).length > 0) c[q] = per;
  }
  const names = new Set<string>();
  for (const perValue of Object.values(d.x))
    for (const perMetric of Object.values(perValue))
      for (const [m, pair] of Object.entries(perMetric)) if (pair[0] !== 0 || pair[1] !== 0) names.add(m);
  const xq = [...names].sort();
  const x: Record<string, Record<string, number[]>> = {};
  for (const p of sortedKeys(d.x)) {
    const perValue: Record<string, number[]> = {};
    for (const value of sortedKeys(d.x[p]!)) {
      const perMetric = d.x[p]![value]!;
      const flat = xq.flatMap((m) => perMetric[m] ?? [0, 0]);
      if (flat.some((v) => v !== 0)) perValue[value] = flat;
    }
    if (Object.keys(perValue).length > 0) x[p] = perValue;
  }
  return JSON.stringify({ n, c, xq, x });
}

/** A stored `dist` (null in rows written before issue 14: empty). */
export function parseDist(text: string | null | undefined): DistCounts {
  if (!text) return emptyDist();
  const d = JSON.parse(text) as Partial<Omit<DistCounts, "x">> & { xq?: string[]; x?: Record<string, Record<string, number[]>> };
  const x: DistCounts["x"] = {};
  const xq = d.xq ?? [];
  for (const [p, perValue] of Object.entries(d.x ?? {})) {
    const outP: Record<string, Record<string, number[]>> = (x[p] = {});
    for (const [value, flat] of Object.entries(perValue)) {
      const perMetric: Record<string, number[]> = (outP[value] = {});
      xq.forEach((m, i) => {
        if (flat[2 * i] !== 0 || flat[2 * i + 1] !== 0) perMetric[m] = [flat[2 * i]!, flat[2 * i + 1]!];
      });
    }
  }
  return { n: d.n ?? {}, c: d.c ?? {}, x };
}
