/**
 * 最多选 N 项 and number ranges. Each is two things in SurveyJS that must agree: the runner's
 * property (`maxSelectedChoices`, `min`/`max`) and a validator whose text is what the person
 * reads (the server's compiled validator checks the validator). The editor sets both together.
 */
import { editElement, setOrDelete, type ElementJson, type SurveyJson } from "./survey-json";

interface Validator {
  type: string;
  [key: string]: unknown;
}

const validatorsOf = (el: ElementJson): Validator[] => (Array.isArray(el.validators) ? (el.validators as Validator[]) : []);

function replaceValidator(el: ElementJson, type: string, validator: Validator | null): void {
  // In place when present, so a survey's own order of validators (and of their messages) stays.
  const current = validatorsOf(el);
  const at = current.findIndex((v) => v.type === type);
  const all =
    at < 0 ? (validator ? [...current, validator] : current) : current.flatMap((v, i) => (i !== at ? [v] : validator ? [validator] : []));
  setOrDelete(el, "validators", all.length ? all : undefined);
}

export function maxSelected(el: ElementJson): number | null {
  const n = Number(el.maxSelectedChoices);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** Sets 最多选 N 项 (null: no limit) with its answercount validator and message. */
export function setMaxSelected(json: SurveyJson, name: string, n: number | null, message: (n: number) => string): SurveyJson {
  return editElement(json, name, (el) => {
    if (el.type !== "checkbox") throw new Error(`${name} is not a checkbox question`);
    if (n === null) {
      delete el.maxSelectedChoices;
      replaceValidator(el, "answercount", null);
      return;
    }
    if (!Number.isInteger(n) || n < 1) throw new Error("maxSelectedChoices must be a positive integer");
    el.maxSelectedChoices = n;
    replaceValidator(el, "answercount", { type: "answercount", maxCount: n, text: message(n) });
  });
}

export interface NumberRange {
  min: number | null;
  max: number | null;
  /** What the person reads when the number is outside the range. */
  message: string;
}

export const isNumberQuestion = (el: ElementJson): boolean => el.type === "text" && el.inputType === "number";

export function numberRange(el: ElementJson): NumberRange {
  const numeric = validatorsOf(el).find((v) => v.type === "numeric");
  const read = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);
  return {
    min: read(el.min) ?? read(numeric?.minValue),
    max: read(el.max) ?? read(numeric?.maxValue),
    message: typeof numeric?.text === "string" ? numeric.text : "",
  };
}

/** Sets a number question's range and its message; both ends null removes the range. */
export function setNumberRange(json: SurveyJson, name: string, range: NumberRange): SurveyJson {
  if (range.min !== null && range.max !== null && range.min > range.max) throw new Error("min is greater than max");
  return editElement(json, name, (el) => {
    if (!isNumberQuestion(el)) throw new Error(`${name} is not a number question`);
    setOrDelete(el, "min", range.min);
    setOrDelete(el, "max", range.max);
    if (range.min === null && range.max === null) {
      replaceValidator(el, "numeric", null);
      return;
    }
    const validator: Validator = { type: "numeric" };
    if (range.min !== null) validator.minValue = range.min;
    if (range.max !== null) validator.maxValue = range.max;
    if (range.message) validator.text = range.message;
    replaceValidator(el, "numeric", validator);
  });
}
