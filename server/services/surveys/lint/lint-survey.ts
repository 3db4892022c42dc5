import "../../../../surveys/properties";
import { Model } from "survey-core";
import { completionRules, expressionRules } from "./logic-rules";
import { meaningWarnings } from "./meaning-change";
import { metricRules } from "./metric-rules";
import { error, type SurveyProblem } from "./problem";
import { choiceRules, elementRules, surveyRules } from "./structure-rules";
import { validatorRules } from "./validator-rules";
import type { Json } from "./survey-walk";

export interface LintOptions {
  /** The audience the survey must keep (its file name, or its published version's). */
  audience?: string;
  /** The published version a draft is compared with, for meaning-change warnings. */
  published?: Json;
}

/**
 * The survey lint (issue 17): every rule the shipped questionnaires are held to
 * (test/surveys/lint.test.ts) and the editor shows before publishing, as Chinese problems.
 * Errors stop a publish; warnings (style, a metric question's changed meaning) do not.
 *
 * @example lintSurvey(draft.json, { audience: "resident", published }).filter((p) => p.level === "error")
 */
export function lintSurvey(json: Json, options: LintOptions = {}): SurveyProblem[] {
  try {
    return runRules(json, options);
  } catch (e) {
    // A shape no rule foresaw (the edge schema keeps out most): a problem to show, never a 500.
    return [error("json_error", `问卷定义无法读取：${e instanceof Error ? e.message : String(e)}`)];
  }
}

function runRules(json: Json, options: LintOptions): SurveyProblem[] {
  const model = new Model(json);
  try {
    const problems = [
      ...surveyRules(json, model, options.audience),
      ...elementRules(json, model),
      ...choiceRules(model),
      ...expressionRules(json, model),
      ...metricRules(model),
    ];
    // Completion runs the survey: only worth it, and only meaningful, on a well-formed one.
    if (!problems.some((p) => p.level === "error")) problems.push(...completionRules(json), ...validatorRules(json));
    if (options.published) problems.push(...meaningWarnings(options.published, json));
    return problems;
  } finally {
    model.dispose();
  }
}

export const lintErrors = (problems: SurveyProblem[]) => problems.filter((p) => p.level === "error");
