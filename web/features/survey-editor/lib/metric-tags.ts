/**
 * The metric tags of docs/design.md §5 on one question: which metric it counts toward, which
 * answers count as positive, which are left out of the denominator, and the 0–100 scores of a
 * satisfaction item. Only single-valued questions may carry a metric (the lint refuses others).
 */
import type { Metric } from "../../../../surveys/metrics";
import { answerOptions } from "./choices";
import { editElement, type ChoiceValue, type ElementJson, type SurveyJson } from "./survey-json";

/** Same list as surveys/properties.ts SINGLE_VALUED_TYPES, which web/ cannot import (it loads survey-core). */
export const METRIC_TYPES = ["radiogroup", "dropdown", "boolean", "rating"] as const;

export const canCarryMetric = (el: ElementJson): boolean => (METRIC_TYPES as readonly string[]).includes(el.type);

export interface MetricTags {
  metric: Metric | null;
  positive: ChoiceValue[];
  excluded: ChoiceValue[];
  scores: Record<string, number>;
}

const values = (v: unknown): ChoiceValue[] => (Array.isArray(v) ? (v as ChoiceValue[]) : []);

export function metricTags(el: ElementJson): MetricTags {
  return {
    metric: typeof el.metric === "string" ? (el.metric as Metric) : null,
    positive: values(el.positive),
    excluded: values(el.excluded),
    scores: el.scores && typeof el.scores === "object" ? { ...(el.scores as Record<string, number>) } : {},
  };
}

/**
 * Makes a question count toward a metric (or none). Taking the metric away removes its tags too:
 * a stray `positive` without `metric` means nothing and confuses the next editor.
 */
export function setMetric(json: SurveyJson, name: string, metric: Metric | null): SurveyJson {
  return editElement(json, name, (el) => {
    if (metric === null) {
      for (const key of ["metric", "positive", "excluded", "scores"]) delete el[key];
      return;
    }
    if (!canCarryMetric(el)) throw new Error(`${name} holds more than one value and cannot carry a metric`);
    el.metric = metric;
    el.positive ??= [];
    // Scores are a satisfaction measure (满意度得分); another metric would count them wrongly.
    if (metric !== "satisfaction") delete el.scores;
  });
}

/** Orders picked values as the question offers them, so the JSON reads like the question. */
function inOfferOrder(el: ElementJson, picked: ChoiceValue[]): ChoiceValue[] {
  const offered = answerOptions(el).map((o) => o.value);
  return offered.filter((v) => picked.includes(v));
}

/** 哪些选项算作…: the positive answers. A value cannot be positive and excluded at once. */
export function setPositive(json: SurveyJson, name: string, picked: ChoiceValue[]): SurveyJson {
  return editElement(json, name, (el) => {
    el.positive = inOfferOrder(el, picked);
    const excluded = values(el.excluded).filter((v) => !picked.includes(v));
    if (excluded.length) el.excluded = excluded;
    else delete el.excluded;
  });
}

/** 不计入: answers left out of the denominator (e.g. 不清楚 on the lenient reading). */
export function setExcluded(json: SurveyJson, name: string, picked: ChoiceValue[]): SurveyJson {
  return editElement(json, name, (el) => {
    const excluded = inOfferOrder(el, picked);
    if (excluded.length) el.excluded = excluded;
    else delete el.excluded;
    el.positive = values(el.positive).filter((v) => !picked.includes(v));
  });
}

/** The score of each answer (满意度得分, 0–100); an answer without one is not scored. */
export function setScore(json: SurveyJson, name: string, value: ChoiceValue, score: number | null): SurveyJson {
  return editElement(json, name, (el) => {
    const scores = el.scores && typeof el.scores === "object" ? (el.scores as Record<string, number>) : {};
    if (score === null) delete scores[String(value)];
    else {
      if (!Number.isFinite(score) || score < 0 || score > 100) throw new Error("a score is between 0 and 100");
      scores[String(value)] = score;
    }
    if (Object.keys(scores).length) el.scores = scores;
    else delete el.scores;
  });
}
