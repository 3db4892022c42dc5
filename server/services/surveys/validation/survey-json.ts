/**
 * Reads a SurveyJS JSON into the plain shape the compiled validator works on, and says no
 * (returns a reason) for anything it does not model exactly. A survey with such a feature keeps
 * the survey-core validator: an unknown feature must never be checked loosely.
 */

export interface JsonChoice {
  value: unknown;
}

export interface JsonValidator {
  type: "numeric" | "text" | "answercount";
  text?: string;
  minValue?: number;
  maxValue?: number;
  minLength?: number;
  maxLength?: number;
  allowDigits?: boolean;
  minCount?: number;
  maxCount?: number;
}

export interface JsonQuestion {
  name: string;
  type: string;
  title?: string;
  isRequired: boolean;
  visible: boolean;
  visibleIf?: string;
  requiredIf?: string;
  /** visibleIf of the page and panels around the question, outermost first. */
  containerConditions: string[];
  /** Containers marked `visible: false`. */
  containerHidden: boolean;
  choices: JsonChoice[];
  showOtherItem: boolean;
  showNoneItem: boolean;
  inputType?: string;
  min?: number;
  max?: number;
  step?: number;
  maxLength?: number;
  rateValues?: unknown[];
  valueTrue?: unknown;
  valueFalse?: unknown;
  validators: JsonValidator[];
}

export interface JsonSurvey {
  questions: JsonQuestion[];
  calculatedValues: { name: string; expression: string }[];
  maxTextLength: number;
}

/** Properties that only change how a question looks, never what a valid answer is. */
const PRESENTATION = new Set([
  "type",
  "name",
  "title",
  "description",
  "placeholder",
  "otherText",
  "noneText",
  "otherPlaceholder",
  "labelTrue",
  "labelFalse",
  "renderAs",
  "minRateDescription",
  "maxRateDescription",
  "colCount",
  "startWithNewLine",
  "html",
  "titleLocation",
  "descriptionLocation",
  "hideNumber",
  "width",
  "minWidth",
  "maxWidth",
  "indent",
  "displayMode",
  "rateDisplayMode",
  "rateType",
  "swapOrder",
  "separateSpecialChoices",
  "autoGrow",
  "allowResize",
  "rows",
  "displayRateDescriptionsAsExtremeItems",
  "choicesOrder",
  // Our metric properties (surveys/properties.ts): data for the rates, not for validity.
  "metric",
  "positive",
  "excluded",
  "scores",
]);

/** Survey-level properties that do not change validity. */
const SURVEY_PRESENTATION = new Set([
  "title",
  "description",
  "audience",
  "pages",
  "calculatedValues",
  "showProgressBar",
  "progressBarLocation",
  "showQuestionNumbers",
  "completedHtml",
  "questionErrorLocation",
  "logoPosition",
  "showTitle",
  "questionsOnPageMode",
  "widthMode",
  "checkErrorsMode",
  "textUpdateMode",
  "pageNextText",
  "pagePrevText",
  "completeText",
  "showPrevButton",
  "firstPageIsStarted",
  "startSurveyText",
  "locale",
]);

const PAGE_KEYS = new Set(["name", "title", "description", "elements", "visibleIf", "visible"]);
const PANEL_KEYS = new Set(["type", "name", "title", "description", "elements", "visibleIf", "visible", "state"]);

type Json = Record<string, unknown>;

const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

export function readSurveyJson(json: Json): JsonSurvey | { unsupported: string } {
  for (const key of Object.keys(json)) {
    if (!SURVEY_PRESENTATION.has(key) && key !== "maxTextLength") return { unsupported: `survey.${key}` };
  }
  const questions: JsonQuestion[] = [];
  const problem = { reason: "" };

  const visitElements = (elements: unknown, conditions: string[], hidden: boolean) => {
    for (const raw of (Array.isArray(elements) ? elements : []) as Json[]) {
      if (problem.reason) return;
      if (raw.type === "panel") {
        const extra = Object.keys(raw).find((k) => !PANEL_KEYS.has(k));
        if (extra) problem.reason = `panel.${extra}`;
        const next = typeof raw.visibleIf === "string" ? [...conditions, raw.visibleIf] : conditions;
        visitElements(raw.elements, next, hidden || raw.visible === false);
        continue;
      }
      const q = readQuestion(raw, conditions, hidden, problem);
      if (q) questions.push(q);
    }
  };
  for (const page of (Array.isArray(json.pages) ? json.pages : []) as Json[]) {
    const extra = Object.keys(page).find((k) => !PAGE_KEYS.has(k));
    if (extra) return { unsupported: `page.${extra}` };
    visitElements(page.elements, typeof page.visibleIf === "string" ? [page.visibleIf] : [], page.visible === false);
  }
  if (problem.reason) return { unsupported: problem.reason };

  const calculatedValues: JsonSurvey["calculatedValues"] = [];
  for (const cv of (Array.isArray(json.calculatedValues) ? json.calculatedValues : []) as Json[]) {
    if (typeof cv.name !== "string" || typeof cv.expression !== "string") return { unsupported: "calculatedValues" };
    const extra = Object.keys(cv).find((k) => !["name", "expression", "includeIntoResult"].includes(k));
    if (extra || cv.includeIntoResult) return { unsupported: `calculatedValues.${extra ?? "includeIntoResult"}` };
    calculatedValues.push({ name: cv.name, expression: cv.expression });
  }
  return { questions, calculatedValues, maxTextLength: num(json.maxTextLength) ?? 0 };
}

const TYPE_KEYS: Record<string, string[]> = {
  radiogroup: ["choices", "showOtherItem", "showNoneItem"],
  dropdown: ["choices", "showOtherItem", "showNoneItem"],
  checkbox: ["choices", "showOtherItem", "showNoneItem", "maxSelectedChoices"],
  rating: ["rateMin", "rateMax", "rateStep", "rateValues"],
  boolean: ["valueTrue", "valueFalse"],
  text: ["inputType", "min", "max", "step", "maxLength"],
  comment: ["maxLength"],
  html: [],
};
const COMMON_KEYS = ["isRequired", "visibleIf", "requiredIf", "visible", "validators"];

function readQuestion(raw: Json, conditions: string[], hidden: boolean, problem: { reason: string }): JsonQuestion | null {
  const type = String(raw.type);
  const allowed = TYPE_KEYS[type];
  if (!allowed || typeof raw.name !== "string") {
    problem.reason = `question type ${type}`;
    return null;
  }
  const extra = Object.keys(raw).find((k) => !PRESENTATION.has(k) && !COMMON_KEYS.includes(k) && !allowed.includes(k));
  if (extra) {
    problem.reason = `${raw.name}.${extra}`;
    return null;
  }
  const validators: JsonValidator[] = [];
  for (const v of (Array.isArray(raw.validators) ? raw.validators : []) as Json[]) {
    const vType = v.type;
    if (vType !== "numeric" && vType !== "text" && vType !== "answercount") {
      problem.reason = `${raw.name}.validators.${String(vType)}`;
      return null;
    }
    validators.push(v as unknown as JsonValidator);
  }
  const choices = (Array.isArray(raw.choices) ? raw.choices : []).map((c) => {
    if (c !== null && typeof c === "object") {
      const item = c as Json;
      if (Object.keys(item).some((k) => k !== "value" && k !== "text")) problem.reason = `${raw.name}.choices item`;
      return { value: item.value };
    }
    return { value: c };
  });
  const inputType = typeof raw.inputType === "string" ? raw.inputType : undefined;
  if (inputType && inputType !== "text" && inputType !== "number") {
    problem.reason = `${raw.name}.inputType ${inputType}`;
    return null;
  }
  const rateMin = num(raw.rateMin) ?? 1;
  const rateMax = num(raw.rateMax) ?? 5;
  const rateStep = num(raw.rateStep) ?? 1;
  let rateValues: unknown[] | undefined;
  if (type === "rating") {
    if (Array.isArray(raw.rateValues) && raw.rateValues.length > 0) {
      rateValues = raw.rateValues.map((r) => (r !== null && typeof r === "object" ? (r as Json).value : r));
    } else {
      rateValues = [];
      for (let v = rateMin; v <= rateMax; v += rateStep) rateValues.push(v);
    }
  }
  return {
    name: raw.name,
    type,
    title: typeof raw.title === "string" ? raw.title : undefined,
    isRequired: raw.isRequired === true,
    visible: raw.visible !== false,
    visibleIf: typeof raw.visibleIf === "string" ? raw.visibleIf : undefined,
    requiredIf: typeof raw.requiredIf === "string" ? raw.requiredIf : undefined,
    containerConditions: conditions,
    containerHidden: hidden,
    choices,
    showOtherItem: raw.showOtherItem === true,
    showNoneItem: raw.showNoneItem === true,
    inputType,
    min: num(raw.min),
    max: num(raw.max),
    step: num(raw.step),
    maxLength: num(raw.maxLength),
    rateValues,
    valueTrue: raw.valueTrue,
    valueFalse: raw.valueFalse,
    validators,
  };
}
