import type { Metric } from "../../../surveys/properties";
import type { Database } from "../../db/client";
import { emptyDist, keyValue, type DistCounts } from "../rollups/rollup-distributions";
import { distributionsBySurvey, type RollupFilter } from "../rollups/rollup-queries";
import type { SurveyRegistry } from "../surveys/survey-registry";
import type { Unit } from "../units/units";
import type { DistributionKind } from "./distribution-questions";
import { numericSummary, type NumericSummary } from "./numeric-summary";
import { labelledValues, mergedSurvey, type MergedQuestion } from "./survey-definitions";

export interface ChoiceCount {
  value: unknown;
  label: string;
  count: number;
  /** count / the question's respondents (a multiple choice's shares may sum past 1); null with none. */
  share: number | null;
}

export interface QuestionDistribution {
  name: string;
  title: string;
  kind: DistributionKind;
  metric: Metric | null;
  profile: boolean;
  /** Respondents who answered the question. */
  respondents: number;
  /** Every choice of every version, counted or not (none for numeric items). */
  choices: ChoiceCount[];
  /** Numeric items and numeric ratings: count, mean, quartiles (type 7); null when no number was given. */
  numeric: NumericSummary | null;
}

export interface SurveyDistributions {
  id: string;
  title: string;
  responses: number;
  questions: QuestionDistribution[];
}

export interface DistributionsBody {
  unit: Pick<Unit, "code" | "name" | "kind">;
  surveys: SurveyDistributions[];
}

function questionOf(q: MergedQuestion, dist: DistCounts): QuestionDistribution {
  const counts = dist.c[q.name] ?? {};
  // One value per respondent except in a multiple choice, whose respondents are stored apart.
  const respondents = q.kind === "multi" ? (dist.n[q.name] ?? 0) : Object.values(counts).reduce((s, c) => s + c, 0);
  const choices =
    q.kind === "numeric"
      ? []
      : labelledValues(q, Object.keys(counts)).map(({ key, value, label }) => {
          const count = counts[key] ?? 0;
          return { value, label, count, share: respondents > 0 ? count / respondents : null };
        });
  const numbers = new Map<number, number>();
  let numeric = q.kind === "numeric" || q.kind === "rating";
  for (const [key, count] of Object.entries(counts)) {
    const v = keyValue(key);
    if (typeof v === "number") numbers.set(v, count);
    else numeric = false;
  }
  return {
    name: q.name,
    title: q.title,
    kind: q.kind,
    metric: q.metric,
    profile: q.profile,
    respondents,
    choices,
    numeric: numeric ? numericSummary(numbers) : null,
  };
}

/**
 * GET /api/v1/rates/distributions: how a unit's respondents answered every closed and numeric
 * question, per survey (the filter's audience, or every survey), summed from the rollups' `dist`
 * (never raw responses), labelled from all versions of each survey.
 */
export async function computeDistributions(
  db: Database,
  registry: SurveyRegistry,
  unit: Unit,
  filter: RollupFilter,
): Promise<DistributionsBody> {
  const [sums, current] = await Promise.all([distributionsBySurvey(db, unit.code, filter), registry.listCurrent()]);
  // By audience, so a survey made in the editor for it is listed beside the shipped one (issue 17).
  const ids = current.filter((s) => !filter.audience || s.audience === filter.audience).map((s) => s.id);
  const surveys: SurveyDistributions[] = [];
  for (const id of ids.sort()) {
    const merged = await mergedSurvey(registry, id);
    if (!merged) continue;
    const own = sums.get(id) ?? { responses: 0, dist: emptyDist() };
    surveys.push({ id, title: merged.title, responses: own.responses, questions: merged.questions.map((q) => questionOf(q, own.dist)) });
  }
  return { unit: { code: unit.code, name: unit.name, kind: unit.kind }, surveys };
}
