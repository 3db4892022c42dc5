import { classifyAnswer, type MetricQuestion } from "../rates/metric-definitions";
import type { DistributionQuestion } from "../distributions/distribution-questions";

/**
 * How a rollup row's responses answered every closed and numeric question (issue 14), packed in
 * the row's own `dist` column, apart from `counts`, so the rates reads do not parse it:
 * - `n`: per multiple-choice question, the respondents who answered it (for the others it is the
 *   sum of `c`, one value per respondent, so it is not stored);
 * - `c`: per question, per answer value, how many chose it (a multiple choice counts each value
 *   chosen; a numeric item's values form its histogram, from which mean and quartiles are exact);
 * - `xq` and `x`: for the cross-tab, per profile question, per its answer, one flat array with
 *   [answers, positive] for each metric question named in `xq`, in that order, by the metric rules
 *   of `q` in the counts (excluded answers left out). One list of names per row instead of the
 *   names under every profile answer: the column stays small, and rows of one survey version
 *   share the list, so adding them is adding arrays (this runs on every write).
 * Values are keyed by `valueKey`: a string as itself, anything else (and a string that starts
 * with "#") as "#" + its JSON, so "5" and 5 stay apart as the metric rules keep them, and the
 * common string answers cost no escaped quotes in every row.
 *
 * A row written before issue 14 has no `dist` (null): it reads as empty, and
 * `npm run rollups:rebuild` fills it.
 */
export interface DistCounts {
  n: Record<string, number>;
  c: Record<string, Record<string, number>>;
  xq: string[];
  x: Record<string, Record<string, number[]>>;
}

export const emptyDist = (): DistCounts => ({ n: {}, c: {}, xq: [], x: {} });

/** The key of an answer value in `c` and `x`. */
export const valueKey = (value: unknown): string =>
  typeof value === "string" && !value.startsWith("#") ? value : `#${JSON.stringify(value)}`;

/** The answer value a key stands for (valueKey's inverse). */
export const keyValue = (key: string): unknown => (key.startsWith("#") ? JSON.parse(key.slice(1)) : key);

/** [answers, positive] of one metric question under one profile answer. */
export function crossPair(d: DistCounts, profile: string, valueKeyOf: string, question: string): [number, number] {
  const i = d.xq.indexOf(question);
  const flat = d.x[profile]?.[valueKeyOf];
  return i < 0 || !flat ? [0, 0] : [flat[2 * i] ?? 0, flat[2 * i + 1] ?? 0];
}

const answered = (v: unknown) => v !== undefined && v !== null && v !== "";

/** Each version's metric question names, sorted once (the lists are the registry's, never changed). */
const sortedNames = new WeakMap<readonly MetricQuestion[], string[]>();
const namesOf = (questions: readonly MetricQuestion[]) => {
  let names = sortedNames.get(questions);
  if (!names) sortedNames.set(questions, (names = [...new Set(questions.map((q) => q.name))].sort()));
  return names;
};

/** What one response adds. */
export function distOfResponse(
  questions: readonly DistributionQuestion[],
  metricQuestions: readonly MetricQuestion[],
  answers: Record<string, unknown>,
): DistCounts {
  const out = emptyDist();
  let pairs: number[] | null = null;
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
        if (!pairs) {
          out.xq = namesOf(metricQuestions);
          pairs = new Array<number>(2 * out.xq.length).fill(0);
          for (const m of metricQuestions) {
            const c = classifyAnswer(m, answers[m.name]);
            if (!c.counted) continue;
            const i = out.xq.indexOf(m.name);
            pairs[2 * i]! += 1;
            if (c.positive) pairs[2 * i + 1]! += 1;
          }
        }
        if (pairs.some((x) => x !== 0)) out.x[q.name] = { [valueKey(v)]: pairs.slice() };
      }
    }
  }
  return out;
}

function addFlat(into: Record<string, number>, add: Record<string, number>, sign: number): void {
  for (const k in add) into[k] = (into[k] ?? 0) + sign * add[k]!;
}

const sameList = (a: readonly string[], b: readonly string[]) => a === b || (a.length === b.length && a.every((s, i) => s === b[i]));

/** Re-lays `into.x` over `names` (a superset of its list). */
function relayout(into: DistCounts, names: string[]): void {
  const index = into.xq.map((m) => names.indexOf(m));
  for (const perValue of Object.values(into.x)) {
    for (const [value, flat] of Object.entries(perValue)) {
      const wide = new Array<number>(2 * names.length).fill(0);
      index.forEach((j, i) => {
        wide[2 * j] = flat[2 * i]!;
        wide[2 * j + 1] = flat[2 * i + 1]!;
      });
      perValue[value] = wide;
    }
  }
  into.xq = names;
}

/** Adds `add` (times sign) into `into`, in place. */
export function addDist(into: DistCounts, add: DistCounts, sign = 1): DistCounts {
  addFlat(into.n, add.n, sign);
  for (const q in add.c) addFlat((into.c[q] ??= {}), add.c[q]!, sign);
  if (Object.keys(add.x).length === 0) return into;
  if (!sameList(into.xq, add.xq)) {
    if (Object.keys(into.x).length === 0) into.xq = add.xq;
    else relayout(into, [...new Set([...into.xq, ...add.xq])].sort());
  }
  // add's names are now a subset of into's, usually the very same list.
  const index = sameList(into.xq, add.xq) ? null : add.xq.map((m) => into.xq.indexOf(m));
  for (const p in add.x) {
    const intoP = (into.x[p] ??= {});
    const addP = add.x[p]!;
    for (const value in addP) {
      const flat = addP[value]!;
      const t = (intoP[value] ??= new Array<number>(2 * into.xq.length).fill(0));
      if (!index) for (let i = 0; i < flat.length; i++) t[i]! += sign * flat[i]!;
      else
        index.forEach((j, i) => {
          t[2 * j]! += sign * flat[2 * i]!;
          t[2 * j + 1]! += sign * flat[2 * i + 1]!;
        });
    }
  }
  return into;
}

/**
 * Canonical text (keys sorted, zero entries dropped, `xq` only the names with a non-zero count),
 * so rows reached incrementally and by a rebuild are equal as text.
 */
export function serializeDist(d: DistCounts): string {
  const n: Record<string, number> = {};
  for (const k of Object.keys(d.n).sort()) if (d.n[k] !== 0) n[k] = d.n[k]!;
  const c: Record<string, Record<string, number>> = {};
  for (const q of Object.keys(d.c).sort()) {
    const from = d.c[q]!;
    let per: Record<string, number> | undefined;
    for (const k of Object.keys(from).sort()) if (from[k] !== 0) (per ??= {})[k] = from[k]!;
    if (per) c[q] = per;
  }
  // The columns in use: a name whose answers and positives are zero under every profile answer goes.
  const used = d.xq.map(() => false);
  for (const p in d.x)
    for (const value in d.x[p]) {
      const flat = d.x[p]![value]!;
      for (let i = 0; i < used.length; i++) if (flat[2 * i] !== 0 || flat[2 * i + 1] !== 0) used[i] = true;
    }
  const keep = used.flatMap((u, i) => (u ? [i] : []));
  const all = keep.length === d.xq.length;
  const x: Record<string, Record<string, number[]>> = {};
  for (const p of Object.keys(d.x).sort()) {
    let perValue: Record<string, number[]> | undefined;
    for (const value of Object.keys(d.x[p]!).sort()) {
      const flat = d.x[p]![value]!;
      const packed = all ? flat : keep.flatMap((i) => [flat[2 * i]!, flat[2 * i + 1]!]);
      if (packed.some((v) => v !== 0)) (perValue ??= {})[value] = packed;
    }
    if (perValue) x[p] = perValue;
  }
  const xq = keep.length === 0 ? [] : all ? d.xq : keep.map((i) => d.xq[i]!);
  return JSON.stringify({ n, c, xq, x });
}

/** A stored `dist` (null in rows written before issue 14: empty). */
export function parseDist(text: string | null | undefined): DistCounts {
  if (!text) return emptyDist();
  const d = JSON.parse(text) as Partial<DistCounts>;
  return { n: d.n ?? {}, c: d.c ?? {}, xq: d.xq ?? [], x: d.x ?? {} };
}
