import type { Metric } from "../../../surveys/properties";
import { CROSSTAB_MIN_N } from "../../contracts/distributions";
import type { Database } from "../../db/client";
import { wilson } from "../../lib/wilson";
import { invalid } from "../refusal";
import { crossPair, emptyDist } from "../rollups/rollup-distributions";
import { distributionsBySurvey, type RollupFilter } from "../rollups/rollup-queries";
import type { SurveyRegistry } from "../surveys/survey-registry";
import type { Unit } from "../units/units";
import { labelledValues, mergedSurvey } from "./survey-definitions";

export interface CrosstabCell {
  n: number;
  positive: number;
  rate: number | null;
  /** Wilson 95% interval over the answers (one per respondent); null when n = 0. */
  ci95: [number, number] | null;
  /** n < minN: shown as 样本不足. */
  low: boolean;
}

export interface CrosstabBody {
  unit: Pick<Unit, "code" | "name" | "kind">;
  audience: string;
  question: { name: string; title: string; metric: Metric };
  by: { name: string; title: string };
  minN: number;
  columns: (CrosstabCell & { value: unknown; label: string })[];
  /** Respondents who answered both questions. */
  total: CrosstabCell;
}

const cell = (n: number, positive: number): CrosstabCell => {
  const rate = n > 0 ? positive / n : null;
  return { n, positive, rate, ci95: rate === null ? null : wilson(rate, n), low: n < CROSSTAB_MIN_N };
};

/**
 * GET /api/v1/rates/crosstab: one metric question's positive rate per answer of one profile
 * question, from the rollups' `dist.x`. A respondent answers each question once, so the answers
 * in a column are independent draws and the plain Wilson interval is the honest one.
 */
export async function computeCrosstab(
  db: Database,
  registry: SurveyRegistry,
  unit: Unit,
  filter: RollupFilter & { audience: string },
  question: string,
  by: string,
): Promise<CrosstabBody> {
  const survey = await mergedSurvey(registry, filter.audience);
  const q = survey?.questions.find((x) => x.name === question && x.metric !== null);
  if (!q) throw invalid("unknown_question", "该问卷没有这道指标题", [{ path: "question", message: "不是该问卷的指标题" }]);
  const p = survey!.questions.find((x) => x.name === by && x.profile);
  if (!p) throw invalid("unknown_profile", "该问卷没有这道背景题", [{ path: "by", message: "不是该问卷的背景题" }]);
  const sums = (await distributionsBySurvey(db, unit.code, filter)).get(filter.audience);
  const dist = sums?.dist ?? emptyDist();
  const columns = labelledValues(p, Object.keys(dist.x[by] ?? {})).map(({ key, value, label }) => {
    const [n, positive] = crossPair(dist, by, key, question);
    return { value, label, ...cell(n, positive) };
  });
  const n = columns.reduce((s, c) => s + c.n, 0);
  const positive = columns.reduce((s, c) => s + c.positive, 0);
  return {
    unit: { code: unit.code, name: unit.name, kind: unit.kind },
    audience: filter.audience,
    question: { name: q.name, title: q.title, metric: q.metric! },
    by: { name: p.name, title: p.title },
    minN: CROSSTAB_MIN_N,
    columns,
    total: cell(n, positive),
  };
}
