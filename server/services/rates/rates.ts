import type { Database } from "../../db/client";
import { METRICS, type Metric } from "../../../surveys/properties";
import type { MetricQuestion } from "./metric-definitions";
import { emptySums, metricResult, type MetricResult, type MetricSums } from "./metric-status";
import { effectiveRateSettings, type RateSettings } from "./rate-settings";
import { addCounts, bandSums, emptyCounts, metricSums, type RollupCounts } from "../rollups/rollup-counts";
import { countsByUnitAndChannel, questionCounts, type RollupFilter } from "../rollups/rollup-queries";
import { modeGap, type ModeGap } from "./mode-gap";
import { weightedRate, type WeightedRate } from "./weighting";
import { RESIDENT_SURVEY } from "../surveys/age-bands";
import type { SurveyRegistry } from "../surveys/survey-registry";
import { effectiveAgeShares, type Shares } from "../units/age-shares";
import { getChildren, type Unit } from "../units/units";

export type UnitRef = Pick<Unit, "code" | "name" | "kind">;
export type MetricMap = Record<Metric, MetricResult>;
/**
 * /rates metric objects also carry the QR / interview comparison and, for resident reads of a unit
 * with census age shares (own or an ancestor's), the age-weighted rate (issue 13, added fields).
 */
export type RatesMetricMap = Record<Metric, MetricResult & { modeGap: ModeGap; weighted?: WeightedRate }>;

export interface QuestionRate {
  surveyId: string;
  name: string;
  metric: Metric;
  title: string;
  answers: number;
  positive: number;
  rate: number | null;
}

/**
 * A child in /rates and /rates/plan: its metrics judged by its own effective settings (a district
 * may stage its own targets), which it carries as added fields.
 */
export interface ChildRates {
  unit: UnitRef;
  metrics: RatesMetricMap;
  threshold: Record<Metric, number>;
  minRespondents: number;
}

/** The body of GET /api/v1/rates (docs/design.md §4). */
export interface RatesBody {
  unit: UnitRef;
  threshold: Record<Metric, number>;
  minRespondents: number;
  metrics: RatesMetricMap;
  questions: QuestionRate[];
  children: ChildRates[];
}

const ref = (u: Unit): UnitRef => ({ code: u.code, name: u.name, kind: u.kind });

export function toMetricMap(sums: Map<Metric, MetricSums> | undefined, settings: RateSettings, populationSize?: number | null): MetricMap {
  return Object.fromEntries(
    METRICS.map((m) => [m, metricResult(m, sums?.get(m) ?? emptySums(), settings.threshold[m], settings.minRespondents, populationSize)]),
  ) as MetricMap;
}

/**
 * The unit's size N for the one audience a read asks about (§7 finite population correction):
 * residents, shops or students. Without an audience the responses mix populations: no N.
 */
export function populationSizeFor(unit: Pick<Unit, "population" | "shops" | "students">, audience: string | undefined): number | null {
  if (audience === "resident") return unit.population;
  if (audience === "shopkeeper") return unit.shops;
  if (audience === "parent") return unit.students;
  return null;
}

function sumsOf(counts: RollupCounts | undefined): Map<Metric, MetricSums> {
  return new Map(METRICS.map((m) => [m, counts ? metricSums(counts, m) : emptySums()]));
}

/**
 * The channels a read asks for, summed; and the metrics with each one's QR / interview gap and,
 * given age shares, the rate weighted to them from the same rows' per-band sums.
 */
function metricsOf(
  perChannel: Map<string, RollupCounts> | undefined,
  filter: RollupFilter,
  settings: RateSettings,
  populationSize: number | null,
  shares: Shares | undefined,
): RatesMetricMap {
  const asked = emptyCounts();
  for (const [channel, counts] of perChannel ?? []) if (!filter.channel || filter.channel === channel) addCounts(asked, counts);
  const metrics = toMetricMap(sumsOf(asked), settings, populationSize);
  const [qr, interview] = [sumsOf(perChannel?.get("qr")), sumsOf(perChannel?.get("interview"))];
  return Object.fromEntries(
    METRICS.map((m) => {
      const withGap = { ...metrics[m], modeGap: modeGap(qr.get(m)!, interview.get(m)!, populationSize) };
      return [m, shares ? { ...withGap, weighted: weightedRate(bandSums(asked, m), shares) } : withGap];
    }),
  ) as RatesMetricMap;
}

/**
 * The age shares in force at each unit, when the read is of residents only (weighting is to the
 * census age structure of residents; other audiences and mixed reads are not weighted).
 */
async function sharesFor(db: Database, codes: string[], filter: RollupFilter, weighted: boolean): Promise<Map<string, Shares>> {
  if (!weighted || filter.audience !== RESIDENT_SURVEY) return new Map();
  return new Map([...(await effectiveAgeShares(db, codes))].map(([code, e]) => [code, e.shares]));
}

/**
 * Rates of a unit's subtree and of each direct child's subtree, each judged by the settings in
 * force at that unit (and, with `weighted`, weighted to the age shares in force there). Rollups
 * are kept at every level, so this reads only the rows of the unit and its children, however
 * many leaves lie below.
 */
export async function unitAndChildMetrics(
  db: Database,
  unit: Unit,
  filter: RollupFilter,
  options: { weighted?: boolean } = {},
): Promise<{ settings: RateSettings; metrics: RatesMetricMap; children: ChildRates[] }> {
  const children = await getChildren(db, unit.code);
  const codes = [unit.code, ...children.map((c) => c.code)];
  const [counts, settingsByUnit, shares] = await Promise.all([
    // Per-band sums are merged only where a weighted rate can come of them (resident reads).
    countsByUnitAndChannel(db, codes, filter, { bands: (options.weighted ?? false) && filter.audience === RESIDENT_SURVEY }),
    effectiveRateSettings(db, codes),
    sharesFor(db, codes, filter, options.weighted ?? false),
  ]);
  const settings = settingsByUnit.get(unit.code)!;
  return {
    settings: { threshold: settings.threshold, minRespondents: settings.minRespondents },
    metrics: metricsOf(counts.get(unit.code), filter, settings, populationSizeFor(unit, filter.audience), shares.get(unit.code)),
    children: children.map((c) => {
      const own = settingsByUnit.get(c.code)!;
      return {
        unit: ref(c),
        metrics: metricsOf(counts.get(c.code), filter, own, populationSizeFor(c, filter.audience), shares.get(c.code)),
        threshold: own.threshold,
        minRespondents: own.minRespondents,
      };
    }),
  };
}

/**
 * Per-question counts, grouped by survey id + question name across versions (each response was
 * classified by its own version when counted). The newest version that has the question names
 * it. Weakest first, unanswered last.
 */
export async function questionRates(
  db: Database,
  registry: SurveyRegistry,
  unitCode: string,
  filter: RollupFilter,
): Promise<QuestionRate[]> {
  const out: QuestionRate[] = [];
  for (const [surveyId, perQuestion] of await questionCounts(db, unitCode, filter)) {
    const definitions = await questionDefinitions(registry, surveyId, [...perQuestion.keys()]);
    for (const [name, [answers, positive]] of perQuestion) {
      const q = definitions.get(name);
      if (!q || answers === 0) continue;
      out.push({ surveyId, name, metric: q.metric, title: q.title, answers: answers!, positive: positive!, rate: positive! / answers! });
    }
  }
  return out.sort((a, b) => (a.rate ?? 2) - (b.rate ?? 2) || a.surveyId.localeCompare(b.surveyId) || a.name.localeCompare(b.name));
}

/** Definitions of the named questions from the newest version of the survey that has each. */
async function questionDefinitions(registry: SurveyRegistry, surveyId: string, names: string[]): Promise<Map<string, MetricQuestion>> {
  const found = new Map<string, MetricQuestion>();
  const current = await registry.getCurrent(surveyId);
  for (let v = current?.version ?? 0; v >= 1 && found.size < names.length; v--) {
    const survey = v === current?.version ? current : await registry.get(surveyId, v);
    for (const q of survey?.metricQuestions ?? []) if (!found.has(q.name)) found.set(q.name, q);
  }
  return found;
}

/** GET /api/v1/rates for a unit the caller may see. */
export async function computeRates(db: Database, registry: SurveyRegistry, unit: Unit, filter: RollupFilter): Promise<RatesBody> {
  const [tree, questions] = await Promise.all([
    unitAndChildMetrics(db, unit, filter, { weighted: true }),
    questionRates(db, registry, unit.code, filter),
  ]);
  return {
    unit: ref(unit),
    threshold: tree.settings.threshold,
    minRespondents: tree.settings.minRespondents,
    metrics: tree.metrics,
    questions,
    children: tree.children,
  };
}
