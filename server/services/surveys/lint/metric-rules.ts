import type { Model } from "survey-core";
import { METRICS, SINGLE_VALUED_TYPES } from "../../../../surveys/properties";
import { error, type SurveyProblem, warning } from "./problem";
import { answerQuestions, answerValues, metricQuestions, pageOf, prop } from "./survey-walk";

const METRIC_NAMES: Record<string, string> = { awareness: "知晓率", support: "支持率", participation: "参与率", satisfaction: "满意率" };
/** Each metric should rest on more than one question (docs/design.md §5). */
export const MIN_QUESTIONS_PER_METRIC = 2;

const label = (v: unknown) => JSON.stringify(v);

/**
 * The metric tags of docs/design.md §5: a known metric on a required single-valued question,
 * positive (and excluded, scores) among its values; nothing else carries them.
 */
export function metricRules(model: Model): SurveyProblem[] {
  const out: SurveyProblem[] = [];
  for (const q of metricQuestions(model)) {
    const where = { question: q.name, page: pageOf(q) };
    const metric = prop(q, "metric");
    if (!(METRICS as readonly unknown[]).includes(metric))
      out.push(error("metric_unknown", `${q.name}：未知的指标 ${String(metric)}`, where));
    if (!(SINGLE_VALUED_TYPES as readonly string[]).includes(q.getType())) {
      out.push(error("metric_multi_valued", `${q.name}：指标题必须是单选、下拉、是非或评分题`, where));
    }
    if (!q.isRequired) out.push(error("metric_not_required", `${q.name}：指标题必须设为必答`, where));
    const values = answerValues(q);
    const positive = prop(q, "positive");
    if (!Array.isArray(positive) || positive.length === 0) {
      out.push(error("metric_no_positive", `${q.name}：指标题至少要有一个算作“是”的选项（如“知道”“满意”）`, where));
    } else {
      for (const v of positive) {
        if (!values.includes(v)) out.push(error("positive_not_choice", `${q.name}：算作“是”的值 ${label(v)} 不在选项中`, where));
      }
    }
    const excluded = prop(q, "excluded");
    if (excluded !== undefined) {
      if (!Array.isArray(excluded)) out.push(error("excluded_format", `${q.name}：不计入的选项 (excluded) 须为列表`, where));
      else {
        for (const v of excluded) {
          if (!values.includes(v)) out.push(error("excluded_not_choice", `${q.name}：不计入的值 ${label(v)} 不在选项中`, where));
          if (Array.isArray(positive) && positive.includes(v)) {
            out.push(error("positive_and_excluded", `${q.name}：${label(v)} 不能既算作“是”又不计入`, where));
          }
        }
      }
    }
    const scores = prop(q, "scores");
    if (scores !== undefined) {
      if (metric !== "satisfaction") out.push(error("scores_not_satisfaction", `${q.name}：只有满意度题可以设置分值 (scores)`, where));
      if (typeof scores !== "object" || scores === null || Array.isArray(scores)) {
        out.push(error("scores_format", `${q.name}：分值 (scores) 须为“选项值: 分数”`, where));
      } else {
        const keys = values.map(String);
        for (const [k, s] of Object.entries(scores as Record<string, unknown>)) {
          if (!keys.includes(k)) out.push(error("scores_not_choice", `${q.name}：分值中的 ${k} 不在选项中`, where));
          if (typeof s !== "number" || s < 0 || s > 100) out.push(error("scores_range", `${q.name}：${k} 的分值须在 0-100 之间`, where));
        }
      }
    }
  }
  for (const q of answerQuestions(model)) {
    if (prop(q, "metric") !== undefined) continue;
    for (const p of ["positive", "excluded", "scores"]) {
      if (prop(q, p) !== undefined)
        out.push(error("tag_without_metric", `${q.name}：不是指标题，不能设置 ${p}`, { question: q.name, page: pageOf(q) }));
    }
  }
  const counts = Object.fromEntries(METRICS.map((m) => [m, 0]));
  for (const q of metricQuestions(model)) {
    const m = prop(q, "metric") as string;
    if (m in counts) counts[m]! += 1;
  }
  for (const m of METRICS) {
    if (counts[m]! < MIN_QUESTIONS_PER_METRIC) {
      out.push(warning("metric_coverage", `${METRIC_NAMES[m]}只有 ${counts[m]} 道题，建议至少 ${MIN_QUESTIONS_PER_METRIC} 道`));
    }
  }
  return out;
}
