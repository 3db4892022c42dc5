import { inArray } from "drizzle-orm";
import type { Database } from "../db/client";
import { unitClosure } from "../db/schema";
import { METRICS, type Metric } from "../../surveys/properties";
import { classifyAnswer, type MetricQuestion } from "./metric-definitions";
import { addSums, emptySums, metricResult, type MetricResult, type MetricSums } from "./metric-status";
import type { RateSettings } from "./rate-settings";
import { answerCounts, metricSumsByLeaf, type RollupFilter } from "./rollup-queries";
import type { SurveyRegistry } from "./survey-registry";
import { getChildren, type Unit } from "./units";

export type UnitRef = Pick<Unit, "code" | "name" | "kind">;
export type MetricMap = Record<Metric, MetricResult>;

export interface QuestionRate {
  surveyId: string;
  name: string;
  metric: Metric;
  title: string;
  answers: number;
  positive: number;
  rate: number | null;
}

/** The body of GET /api/v1/rates (DESIGN.md §4). */
export interface RatesBody {
  unit: UnitRef;
  threshold: Record<Metric, number>;
  minRespondents: number;
  metrics: MetricMap;
  questions: QuestionRate[];
  children: { unit: UnitRef; metrics: MetricMap }[];
}

const ref = (u: Unit): UnitRef => ({ code: u.code, name: u.name, kind: u.kind });

export function toMetricMap(sums: Map<Metric, MetricSums> | undefined, settings: RateSettings): MetricMap {
  return Object.fromEntries(
    METRICS.map((m) => [m, metricResult(m, sums?.get(m) ?? emptySums(), settings.threshold[m], settings.minRespondents)]),
  ) as MetricMap;
}

function add(target: Map<string, Map<Metric, MetricSums>>, key: string, metric: Metric, s: MetricSums) {
  const perMetric = target.get(key) ?? new Map<Metric, MetricSums>();
  perMetric.set(metric, addSums(perMetric.get(metric) ?? emptySums(), s));
  target.set(key, perMetric);
}

/**
 * Rates of a unit's subtree and of each direct child's subtree, from one pass over the leaf
 * rollups: each leaf row is added to the unit total and to the child that contains it. A
 * respondent belongs to exactly one leaf, so respondent counts add up across children.
 */
export async function unitAndChildMetrics(
  db: Database,
  unit: Unit,
  filter: RollupFilter,
  settings: RateSettings,
): Promise<{ metrics: MetricMap; children: { unit: UnitRef; metrics: MetricMap }[] }> {
  const children = await getChildren(db, unit.code);
  const childOf = new Map<string, string>();
  if (children.length > 0) {
    const pairs = await db
      .select({ child: unitClosure.ancestor, leaf: unitClosure.descendant })
      .from(unitClosure)
      .where(inArray(unitClosure.ancestor, children.map((c) => c.code)));
    for (const p of pairs) childOf.set(p.leaf, p.child);
  }
  const sums = new Map<string, Map<Metric, MetricSums>>();
  for (const row of await metricSumsByLeaf(db, unit.code, filter)) {
    add(sums, unit.code, row.metric, row);
    const child = childOf.get(row.unitCode);
    if (child) add(sums, child, row.metric, row);
  }
  return {
    metrics: toMetricMap(sums.get(unit.code), settings),
    children: children.map((c) => ({ unit: ref(c), metrics: toMetricMap(sums.get(c.code), settings) })),
  };
}

/**
 * Per-question counts, grouped by survey id + question name across versions; each stored answer
 * value is classified with its own version's definition, so a version that changed `positive`
 * or `excluded` is counted by its own rules. Weakest first, unanswered last.
 */
export async function questionRates(
  db: Database,
  registry: SurveyRegistry,
  unitCode: string,
  filter: RollupFilter,
): Promise<QuestionRate[]> {
  const out = new Map<string, QuestionRate & { version: number }>();
  const definitions = new Map<string, Map<string, MetricQuestion>>();
  for (const row of await answerCounts(db, unitCode, filter)) {
    const vKey = `${row.surveyId}@${row.surveyVersion}`;
    let byName = definitions.get(vKey);
    if (!byName) {
      const survey = await registry.get(row.surveyId, row.surveyVersion);
      byName = new Map((survey?.metricQuestions ?? []).map((q) => [q.name, q]));
      definitions.set(vKey, byName);
    }
    const q = byName.get(row.question);
    if (!q || row.count === 0) continue;
    const key = `${row.surveyId}|${row.question}`;
    const entry = out.get(key) ?? {
      surveyId: row.surveyId,
      name: q.name,
      metric: q.metric,
      title: q.title,
      answers: 0,
      positive: 0,
      rate: null,
      version: row.surveyVersion,
    };
    // The newest version names the question.
    if (row.surveyVersion > entry.version) Object.assign(entry, { metric: q.metric, title: q.title, version: row.surveyVersion });
    const c = classifyAnswer(q, JSON.parse(row.answer) as unknown);
    if (c.counted) {
      entry.answers += row.count;
      if (c.positive) entry.positive += row.count;
    }
    out.set(key, entry);
  }
  return [...out.values()]
    .map(({ version: _v, ...q }) => ({ ...q, rate: q.answers > 0 ? q.positive / q.answers : null }))
    .sort((a, b) => (a.rate ?? 2) - (b.rate ?? 2) || a.surveyId.localeCompare(b.surveyId) || a.name.localeCompare(b.name));
}

/** GET /api/v1/rates for a unit the caller may see. */
export async function computeRates(
  db: Database,
  registry: SurveyRegistry,
  unit: Unit,
  filter: RollupFilter,
  settings: RateSettings,
): Promise<RatesBody> {
  const [tree, questions] = await Promise.all([
    unitAndChildMetrics(db, unit, filter, settings),
    questionRates(db, registry, unit.code, filter),
  ]);
  return {
    unit: ref(unit),
    threshold: settings.threshold,
    minRespondents: settings.minRespondents,
    metrics: tree.metrics,
    questions,
    children: tree.children,
  };
}
