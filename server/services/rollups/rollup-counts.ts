import { METRICS, type Metric } from "../../../surveys/properties";
import { classifyAnswer, type MetricQuestion } from "../rates/metric-definitions";
import { emptySums, type MetricSums } from "../rates/metric-status";

/**
 * The counts one rollup row holds for a group of responses, packed in one JSON value so a write
 * touches one row per (unit, period) instead of one per question and answer:
 * - `m`: per metric, [respondents, answers, positive, scoreSum, scoreCount, Σa², Σy², Σay]
 *   (docs/design.md §5 and §7: a and y are one respondent's counted and positive answers, so the
 *   last three give the design-based variance without any response being read again);
 * - `q`: per metric question, [answers, positive] (excluded answers left out, as in `m`);
 * - `b`: per age band (the `age_band` answer, resident survey), per metric, the same sums without
 *   the score ones: [respondents, answers, positive, Σa², Σy², Σay], for weighting to census shares.
 * Answers are classified by the response's own survey version when it is counted, so later
 * versions that change `positive` or `excluded` do not rewrite history.
 *
 * A row written before §7 has five numbers per metric. Its missing sums read as NaN (stored as
 * null once merged), so every variance that would need them is unknown (null) rather than wrong,
 * until `npm run rollups:rebuild` recomputes them.
 */
export interface RollupCounts {
  m: Partial<Record<Metric, number[]>>;
  q: Record<string, number[]>;
  b?: Record<string, Partial<Record<Metric, number[]>>>;
}

/** Entries per metric in `m` and per band and metric in `b`. */
const METRIC_WIDTH = 8;
const BAND_WIDTH = 6;

/** The answer that names a respondent's age band, in surveys that ask it. */
export const AGE_BAND_QUESTION = "age_band";

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
  for (const m of Object.values(out.m)) {
    // A respondent counts once per metric with at least one counted answer.
    m[0] = 1;
    const [a, y] = [m[1]!, m[2]!];
    m.push(a * a, y * y, a * y);
  }
  const band = answers[AGE_BAND_QUESTION];
  if (typeof band === "string" && band !== "" && Object.keys(out.m).length > 0) {
    const perMetric: Partial<Record<Metric, number[]>> = {};
    for (const [metric, v] of Object.entries(out.m) as [Metric, number[]][]) perMetric[metric] = [v[0]!, v[1]!, v[2]!, v[5]!, v[6]!, v[7]!];
    out.b = { [band]: perMetric };
  }
  return out;
}

function addInto(into: Partial<Record<Metric, number[]>>, add: Partial<Record<Metric, number[]>>, width: number, sign: number): void {
  for (const [metric, v] of Object.entries(add) as [Metric, number[]][]) {
    const t = (into[metric] ??= new Array<number>(width).fill(0));
    for (let i = 0; i < width; i++) t[i]! += sign * v[i]!;
  }
}

/** Adds `add` (times sign) into `into`, in place. */
export function addCounts(into: RollupCounts, add: RollupCounts, sign = 1): RollupCounts {
  addInto(into.m, add.m, METRIC_WIDTH, sign);
  if (add.b) {
    into.b ??= {};
    for (const [band, perMetric] of Object.entries(add.b)) addInto((into.b[band] ??= {}), perMetric, BAND_WIDTH, sign);
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
  return serializeRollupCounts(c).counts;
}

/**
 * The canonical `counts` text and its `m` part alone (the `metric_sums` column the rates read
 * takes from an index): the same text json_extract(counts, '$.m') gives, built once.
 */
export function serializeRollupCounts(c: RollupCounts): { counts: string; metricSums: string } {
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
  const out: { m: typeof m; q: typeof q; b?: Record<string, Record<string, number[]>> } = { m, q };
  const b: Record<string, Record<string, number[]>> = {};
  for (const band of Object.keys(c.b ?? {}).sort()) {
    const perMetric: Record<string, number[]> = {};
    for (const metric of METRICS) {
      const v = c.b![band]![metric];
      if (v?.some((x) => x !== 0)) perMetric[metric] = v;
    }
    if (Object.keys(perMetric).length > 0) b[band] = perMetric;
  }
  if (Object.keys(b).length > 0) out.b = b;
  // An unknown sum (NaN, from a row written before §7) is stored as null and read back as NaN.
  return { counts: JSON.stringify(out), metricSums: JSON.stringify(m) };
}

/** Arrays padded to their width; null and missing sums (rows written before §7) read as NaN. */
function normalise(perMetric: Partial<Record<Metric, (number | null)[]>>, width: number): void {
  for (const v of Object.values(perMetric)) {
    if (!v) continue;
    for (let i = 0; i < width; i++) if (v[i] === null || v[i] === undefined) v[i] = Number.NaN;
  }
}

export function parseCounts(text: string, options: { bands?: boolean } = {}): RollupCounts {
  const c = JSON.parse(text) as RollupCounts;
  normalise(c.m, METRIC_WIDTH);
  // A read that weights nothing drops the per-band sums here, so summing rows skips them (the
  // dashboard's reads are mostly of all audiences, where no weighting applies).
  if (options.bands === false) delete c.b;
  else if (c.b) for (const perMetric of Object.values(c.b)) normalise(perMetric, BAND_WIDTH);
  return c;
}

/**
 * Only the `m` part of a counts text, as SQLite's json_extract(counts, '$.m') returns it (null
 * when the row has none): the same sums as parseCounts gives, with no `q` and no `b`.
 */
export function parseMetricCounts(mText: string | null): RollupCounts {
  const m = (mText === null ? {} : JSON.parse(mText)) as RollupCounts["m"];
  normalise(m, METRIC_WIDTH);
  return { m, q: {} };
}

export function metricSums(c: RollupCounts, metric: Metric): MetricSums {
  const v = c.m[metric];
  if (!v) return emptySums();
  return {
    respondents: v[0]!,
    answers: v[1]!,
    positive: v[2]!,
    scoreSum: v[3]!,
    scoreCount: v[4]!,
    sumA2: v[5]!,
    sumY2: v[6]!,
    sumAY: v[7]!,
  };
}

/** One metric's sums per age band (bands without counted respondents left out). */
export function bandSums(c: RollupCounts, metric: Metric): Map<string, MetricSums> {
  const out = new Map<string, MetricSums>();
  for (const [band, perMetric] of Object.entries(c.b ?? {})) {
    const v = perMetric[metric];
    if (!v || !(v[0]! > 0)) continue;
    out.set(band, {
      respondents: v[0]!,
      answers: v[1]!,
      positive: v[2]!,
      scoreSum: 0,
      scoreCount: 0,
      sumA2: v[3]!,
      sumY2: v[4]!,
      sumAY: v[5]!,
    });
  }
  return out;
}
