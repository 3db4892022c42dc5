import "../../../../surveys/properties";
import { type Model, type Question, QuestionBooleanModel, QuestionRatingModel, QuestionSelectBase } from "survey-core";

/**
 * Reading a SurveyJS questionnaire for the lint: its raw JSON (what the editor stores) and its
 * survey-core model (what respondents run). Shared by the rule files next to it.
 */
export type Json = Record<string, unknown>;

/** Elements that show content but take no answer, left out of the item count. */
export const DISPLAY_ONLY = new Set(["html", "image", "panel"]);

/** Keys whose string value is a SurveyJS expression. */
export const EXPRESSION_KEYS = new Set([
  "visibleIf",
  "enableIf",
  "requiredIf",
  "resetValueIf",
  "setValueIf",
  "defaultValueExpression",
  "choicesVisibleIf",
  "choicesEnableIf",
  "expression",
]);

/** Every element object in the raw JSON with the page it sits on (through panels, recursively). */
export function rawElements(json: Json): { element: Json; page: string | undefined }[] {
  const out: { element: Json; page: string | undefined }[] = [];
  const walk = (elements: unknown, page: string | undefined) => {
    for (const el of (Array.isArray(elements) ? elements : []) as Json[]) {
      if (el === null || typeof el !== "object") continue;
      out.push({ element: el, page });
      walk(el.elements, page);
    }
  };
  for (const page of (Array.isArray(json.pages) ? json.pages : []) as Json[]) {
    if (page && typeof page === "object") walk(page.elements, typeof page.name === "string" ? page.name : undefined);
  }
  return out;
}

/** [path, expression] for every logic expression anywhere in the JSON. */
export function expressions(node: unknown, path = "$"): Array<[string, string]> {
  if (Array.isArray(node)) return node.flatMap((x, i) => expressions(x, `${path}[${i}]`));
  if (node === null || typeof node !== "object") return [];
  return Object.entries(node as Json).flatMap(
    ([k, v]): Array<[string, string]> =>
      EXPRESSION_KEYS.has(k) && typeof v === "string" ? [[`${path}.${k}`, v]] : expressions(v, `${path}.${k}`),
  );
}

export function answerQuestions(model: Model): Question[] {
  return model.getAllQuestions().filter((q) => !DISPLAY_ONLY.has(q.getType()));
}

/** The values a single-valued question can hold: choices, boolean true/false, or rate values. */
export function answerValues(q: Question): unknown[] {
  if (q instanceof QuestionRatingModel) return q.visibleRateValues.map((r) => r.value);
  if (q instanceof QuestionBooleanModel) return [q.getValueTrue(), q.getValueFalse()];
  if (q instanceof QuestionSelectBase) return [...q.choices, ...q.visibleChoices].map((c) => c.value);
  return [];
}

export const prop = (q: Question, name: string): unknown => q.getPropertyValue(name);
export const metricQuestions = (model: Model) => answerQuestions(model).filter((q) => prop(q, "metric") !== undefined);
/** Shown to the respondent: its own visibleIf and its page's (isVisible ignores the page). */
export const shown = (q: Question) => q.isVisible && q.isParentVisible;
/** The name of the page a question of the model sits on. */
export const pageOf = (q: Question): string | undefined => (q.page as { name?: string } | undefined)?.name;
