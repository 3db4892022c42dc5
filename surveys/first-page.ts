/**
 * The "light" first page of a questionnaire (issue 18): the leading questions of its first page
 * that plain HTML can show and take answers for before the SurveyJS chunk has arrived. The server
 * renders it into the respondent page's HTML and the web app shows the same markup until
 * survey-react-ui takes over with the answers given so far.
 *
 * Only what needs no expression engine is taken: questions are read in order and the list stops
 * at the first one with a condition (visibleIf, enableIf, requiredIf), a type other than single
 * choice, multiple choice and one-line text, extra items (其他 / 都不是 / 全选), choices from
 * another question, random order, or a title that is not a plain string. SurveyJS then shows the
 * rest, so nothing is ever shown that SurveyJS would hide.
 * Pure: no DOM, no SurveyJS, shared by server/ and web/.
 */
export interface LightChoice {
  value: string | number;
  text: string;
}

export type LightQuestion =
  | { kind: "radiogroup" | "checkbox"; name: string; title: string; required: boolean; choices: LightChoice[] }
  | {
      kind: "text";
      name: string;
      title: string;
      required: boolean;
      inputType: "text" | "number";
      min?: number;
      max?: number;
      step?: number;
    };

export interface LightFirstPage {
  surveyTitle?: string;
  surveyDescription?: string;
  pageTitle?: string;
  /** SurveyJS's showQuestionNumbers "on": titles start with 1. 2. … (the leading questions are all shown). */
  numbered: boolean;
  questions: LightQuestion[];
}

type Json = Record<string, unknown>;

const isObject = (x: unknown): x is Json => typeof x === "object" && x !== null && !Array.isArray(x);
const plainText = (x: unknown): string | undefined => (typeof x === "string" && x.trim() !== "" ? x : undefined);
const finite = (x: unknown): number | undefined => (typeof x === "number" && Number.isFinite(x) ? x : undefined);

/** Properties that make a question's look or behaviour depend on SurveyJS: stop before it. */
const NEEDS_SURVEYJS = [
  "visibleIf",
  "enableIf",
  "requiredIf",
  "readOnly",
  "defaultValue",
  "defaultValueExpression",
  "setValueIf",
  "startWithNewLine",
  "choicesFromQuestion",
  "choicesByUrl",
  "choicesVisibleIf",
  "choicesEnableIf",
  "hasOther",
  "showOtherItem",
  "hasNone",
  "showNoneItem",
  "hasSelectAll",
  "showSelectAllItem",
  "maxSelectedChoices",
  "minSelectedChoices",
  "inputMask",
  "maskType",
  "maxLength",
  "placeholder",
  "description",
  "showNumber",
];

/** The light first page, or null when not even its first question can be shown without SurveyJS. */
export function lightFirstPage(json: Json): LightFirstPage | null {
  if (json.questionsOrder === "random" || json.firstPageIsStarted === true || json.questionStartIndex !== undefined) return null;
  // survey-core's default is "off"; "onPage" numbers the first page from 1 as "on" does.
  const numbers = json.showQuestionNumbers;
  if (numbers !== undefined && !["on", "onPage", "off", true, false].includes(numbers as string | boolean)) return null;
  const pages = Array.isArray(json.pages) ? json.pages : [];
  const page = pages[0];
  if (!isObject(page) || page.visibleIf !== undefined || page.questionsOrder === "random") return null;
  const elements = Array.isArray(page.elements) ? page.elements : [];
  const questions: LightQuestion[] = [];
  for (const element of elements) {
    const question = isObject(element) ? lightQuestion(element) : null;
    if (!question) break;
    questions.push(question);
  }
  if (questions.length === 0) return null;
  const surveyTitle = plainText(json.title);
  const surveyDescription = plainText(json.description);
  const pageTitle = plainText(page.title);
  return {
    ...(surveyTitle ? { surveyTitle } : {}),
    ...(surveyDescription ? { surveyDescription } : {}),
    ...(pageTitle ? { pageTitle } : {}),
    numbered: numbers === "on" || numbers === "onPage" || numbers === true,
    questions,
  };
}

function lightQuestion(e: Json): LightQuestion | null {
  if (typeof e.name !== "string" || e.name === "" || e.visible === false) return null;
  if (NEEDS_SURVEYJS.some((key) => e[key] !== undefined)) return null;
  const title = e.title === undefined ? e.name : plainText(e.title);
  if (title === undefined) return null;
  const required = e.isRequired === true;
  if (e.type === "radiogroup" || e.type === "checkbox") {
    if (e.choicesOrder !== undefined && e.choicesOrder !== "none") return null;
    const choices = lightChoices(e.choices);
    return choices ? { kind: e.type, name: e.name, title, required, choices } : null;
  }
  if (e.type === "text") {
    const inputType = e.inputType === undefined || e.inputType === "text" ? "text" : e.inputType === "number" ? "number" : null;
    if (!inputType) return null;
    const [min, max, step] = [finite(e.min), finite(e.max), finite(e.step)];
    return {
      kind: "text",
      name: e.name,
      title,
      required,
      inputType,
      ...(min !== undefined ? { min } : {}),
      ...(max !== undefined ? { max } : {}),
      ...(step !== undefined ? { step } : {}),
    };
  }
  return null;
}

function lightChoices(raw: unknown): LightChoice[] | null {
  if (!Array.isArray(raw) || raw.length === 0) return null;
  const choices: LightChoice[] = [];
  for (const c of raw) {
    if (typeof c === "string" || typeof c === "number") {
      choices.push({ value: c, text: String(c) });
      continue;
    }
    if (!isObject(c) || (typeof c.value !== "string" && typeof c.value !== "number")) return null;
    if (c.visibleIf !== undefined || c.enableIf !== undefined) return null;
    const text = c.text === undefined ? String(c.value) : plainText(c.text);
    if (text === undefined) return null;
    choices.push({ value: c.value, text });
  }
  return choices;
}

/**
 * The answers given on the light page, in SurveyJS's shape: a choice's own value (by its index,
 * so markup never has to carry values), a number for a number input, nothing for an empty one.
 * `read(index)` gives the raw form values of question `index`: checked choice indexes or the
 * text typed.
 */
export function lightAnswers(page: LightFirstPage, read: (index: number) => string[]): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  page.questions.forEach((q, index) => {
    const raw = read(index);
    if (q.kind === "text") {
      const text = (raw[0] ?? "").trim();
      if (text === "") return;
      if (q.inputType === "number") {
        const n = Number(text);
        if (Number.isFinite(n)) data[q.name] = n;
        return;
      }
      data[q.name] = text;
      return;
    }
    const picked = raw.map((i) => q.choices[Number(i)]).filter((c): c is LightChoice => c !== undefined);
    if (picked.length === 0) return;
    data[q.name] = q.kind === "radiogroup" ? picked[0]!.value : picked.map((c) => c.value);
  });
  return data;
}

/** The form field name of question `index` on the light page (never the question's own name). */
export const lightFieldName = (index: number): string => `cw-fp-${index}`;
