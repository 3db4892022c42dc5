/**
 * Choice operations. A choice's stored value never changes once made: answers, rollups and the
 * metric tags refer to it. Renaming changes only the label people read.
 */
import { editElement, plainText, type ChoiceJson, type ChoiceValue, type ElementJson, type SurveyJson } from "./survey-json";

/** The kinds whose answers are picked from `choices`. */
export const CHOICE_TYPES = ["radiogroup", "checkbox", "dropdown", "tagbox", "ranking"] as const;

export const hasChoiceList = (el: ElementJson): boolean => (CHOICE_TYPES as readonly string[]).includes(el.type);

/** `"a"` and `{value:"a"}` both mean the choice a, labelled by its value when it has no text. */
export function normaliseChoice(choice: ChoiceJson | ChoiceValue): ChoiceJson {
  return typeof choice === "object" ? choice : { value: choice };
}

export interface AnswerOption {
  value: ChoiceValue;
  text: string;
}

/**
 * The answers a question can take that the metric tags and show-if rules can name: its choices,
 * 是/否 of a boolean, the points of a rating scale. Empty for free text and numbers.
 */
export function answerOptions(el: ElementJson): AnswerOption[] {
  if (hasChoiceList(el)) {
    return (el.choices ?? []).map(normaliseChoice).map((c) => ({ value: c.value, text: plainText(c.text ?? String(c.value)) }));
  }
  if (el.type === "boolean") {
    return [
      { value: true, text: plainText(el.labelTrue ?? "是") },
      { value: false, text: plainText(el.labelFalse ?? "否") },
    ];
  }
  if (el.type === "rating") {
    if (Array.isArray(el.rateValues)) {
      return (el.rateValues as (ChoiceJson | ChoiceValue)[])
        .map(normaliseChoice)
        .map((c) => ({ value: c.value, text: plainText(c.text ?? String(c.value)) }));
    }
    const min = Number(el.rateMin ?? 1);
    const max = Number(el.rateMax ?? 5);
    const step = Number(el.rateStep ?? 1);
    const out: AnswerOption[] = [];
    for (let v = min; v <= max && out.length < 100; v += step) out.push({ value: v, text: String(v) });
    return out;
  }
  return [];
}

/** A value not yet used by the question's choices: opt1, opt2, … */
export function freshChoiceValue(el: ElementJson): string {
  const taken = new Set((el.choices ?? []).map((c) => String(normaliseChoice(c).value)));
  for (let n = 1; ; n++) if (!taken.has(`opt${n}`)) return `opt${n}`;
}

function choicesOf(el: ElementJson): ChoiceJson[] {
  if (!hasChoiceList(el)) throw new Error(`${el.name} has no choice list`);
  el.choices = (el.choices ?? []).map(normaliseChoice);
  return el.choices as ChoiceJson[];
}

export function addChoice(json: SurveyJson, name: string, text: string): { json: SurveyJson; value: string } {
  let value = "";
  const next = editElement(json, name, (el) => {
    value = freshChoiceValue(el);
    choicesOf(el).push({ value, text });
  });
  return { json: next, value };
}

/** Changes the label only; the stored value (and so every answer already given) stays. */
export function renameChoice(json: SurveyJson, name: string, value: ChoiceValue, text: string): SurveyJson {
  return editElement(json, name, (el) => {
    const choice = choicesOf(el).find((c) => c.value === value);
    if (!choice) throw new Error(`${name} has no choice ${String(value)}`);
    choice.text = text;
  });
}

/**
 * Removes a choice and the metric tags that name it: a positive or excluded value no longer
 * offered would make the question unanswerable as positive, which the lint refuses anyway.
 */
export function removeChoice(json: SurveyJson, name: string, value: ChoiceValue): SurveyJson {
  return editElement(json, name, (el) => {
    el.choices = choicesOf(el).filter((c) => c.value !== value);
    for (const key of ["positive", "excluded"] as const) {
      if (Array.isArray(el[key])) el[key] = (el[key] as ChoiceValue[]).filter((v) => v !== value);
    }
    if (el.scores && typeof el.scores === "object") delete (el.scores as Record<string, unknown>)[String(value)];
  });
}

/** Moves a choice by `delta` places; at either end nothing changes. */
export function moveChoice(json: SurveyJson, name: string, value: ChoiceValue, delta: -1 | 1): SurveyJson {
  return editElement(json, name, (el) => {
    const choices = choicesOf(el);
    const from = choices.findIndex((c) => c.value === value);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= choices.length) return;
    const [choice] = choices.splice(from, 1);
    choices.splice(to, 0, choice!);
  });
}
