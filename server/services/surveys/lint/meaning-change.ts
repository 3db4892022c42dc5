import { diffSurveys } from "../survey-diff";
import { type SurveyProblem, warning } from "./problem";
import type { Json } from "./survey-walk";

/** What makes a metric question count differently: its choices or its §5 tags. */
const MEANING = new Set(["metric", "positive", "excluded", "scores", "rateMin", "rateMax", "rateValues", "type"]);

/**
 * Metric questions (in either version) whose meaning changed from `before` to `after`: choices
 * added or removed, or metric/positive/excluded/scores changed. Their figures before and after
 * the change are not comparable. A reworded label keeps the stored value and the meaning.
 */
export function meaningChanged(before: Json, after: Json): string[] {
  const diff = diffSurveys(before, after);
  const names: string[] = [];
  for (const q of diff.changed) {
    const tagged = q.properties.some((p) => MEANING.has(p.property));
    const choices = q.choices.some((c) => c.kind !== "text");
    const isMetric = q.properties.some((p) => p.property === "metric") || hasMetric(before, q.name) || hasMetric(after, q.name);
    if (isMetric && (tagged || choices)) names.push(q.name);
  }
  for (const q of diff.removed) if (hasMetric(before, q.name)) names.push(q.name);
  return names;
}

function hasMetric(json: Json, name: string): boolean {
  let found = false;
  const walk = (elements: unknown) => {
    for (const el of (Array.isArray(elements) ? elements : []) as Json[]) {
      if (el?.name === name && el.metric !== undefined) found = true;
      walk(el?.elements);
    }
  };
  for (const page of (Array.isArray(json.pages) ? json.pages : []) as Json[]) walk(page?.elements);
  return found;
}

/** One warning per metric question whose meaning changed against the published version. */
export function meaningWarnings(published: Json, draft: Json): SurveyProblem[] {
  return meaningChanged(published, draft).map((name) =>
    warning("metric_meaning_changed", `${name}：指标题的选项或计分口径已改变，发布前后的指标不可直接比较，趋势图会标出版本分界`, {
      question: name,
    }),
  );
}
