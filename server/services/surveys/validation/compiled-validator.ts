import "survey-core/i18n/simplified-chinese";
import { ConditionRunner, ExpressionRunner, surveyLocalization } from "survey-core";
import type { AnswerIssue, AnswerValidator } from "./survey-core-validator";
import { readSurveyJson, type JsonQuestion, type JsonValidator } from "./survey-json";

/**
 * A validator compiled once per survey version from its SurveyJS JSON: the same verdict and the
 * same per-question messages as the survey-core validator (held to it by a differential test),
 * without building a survey model per response. Conditions still run on survey-core's own
 * expression engine, parsed once here.
 *
 * Returns null for a survey that uses a feature this compiler does not model; the caller then
 * keeps the survey-core validator for that version.
 *
 * @example const validate = compileValidator(json) ?? createSurveyCoreValidator(json);
 */
export function compileValidator(json: Record<string, unknown>): AnswerValidator | null {
  const survey = readSurveyJson(json);
  if ("unsupported" in survey) return null;
  const strings = surveyLocalization.locales["zh-cn"] as Record<string, string>;
  const text = (key: string, ...args: unknown[]) =>
    args.reduce<string>((s, a, i) => s.replace(`{${i}}`, String(a)), strings[key] ?? surveyLocalization.locales.en![key]);

  const calculated = survey.calculatedValues.map((cv) => ({ name: cv.name, run: memoized(new ExpressionRunner(cv.expression)) }));
  const conditionCache = new Map<string, Evaluate>();
  const condition = (expression: string) => {
    let run = conditionCache.get(expression);
    if (!run) conditionCache.set(expression, (run = memoized(new ConditionRunner(expression))));
    return run;
  };
  const questions = survey.questions.map((q) => compileQuestion(q, condition, text, survey.maxTextLength));
  const byName = new Map(questions.map((q) => [q.name, q]));
  const requiredText = text("requiredError");

  return (answers) => {
    const values: Record<string, unknown> = { ...answers };
    for (const cv of calculated) values[cv.name] = cv.run(values);
    const visible = new Map<CompiledQuestion, boolean>();
    const isVisible = (q: CompiledQuestion) => {
      let v = visible.get(q);
      if (v === undefined) visible.set(q, (v = q.isVisible(values)));
      return v;
    };

    const issues = new Map<string, string>();
    const add = (question: string, message: string) => {
      if (!issues.has(question)) issues.set(question, message);
    };

    for (const [key, value] of Object.entries(answers)) {
      if (byName.has(key)) continue;
      const base = key.endsWith(COMMENT_SUFFIX) ? byName.get(key.slice(0, -COMMENT_SUFFIX.length)) : undefined;
      if (base?.acceptsComment) {
        if (!isVisible(base)) add(base.name, HIDDEN);
        else if (typeof value !== "string") add(base.name, "补充说明应为文本");
        continue;
      }
      add(key, "问卷中没有这个问题");
    }

    for (const q of questions) {
      if (!(q.name in answers) || isBlank(answers[q.name])) continue;
      if (!isVisible(q)) {
        add(q.name, HIDDEN);
        continue;
      }
      const problem = q.shape(answers[q.name]);
      if (problem) add(q.name, problem);
    }

    for (const q of questions) {
      if (issues.has(q.name) || !isVisible(q)) continue;
      const value = answers[q.name];
      const empty = isEmptyForSurveyJs(value);
      if (empty && q.isRequired(values)) {
        add(q.name, requiredText);
        continue;
      }
      const own = q.ownCheck(value, empty, answers);
      if (own) {
        add(q.name, own);
        continue;
      }
      const failed = q.validators(value);
      if (failed) add(q.name, failed);
    }
    return [...issues].map(([question, message]): AnswerIssue => ({ question, message }));
  };
}

const COMMENT_SUFFIX = "-Comment";
const HIDDEN = "该问题未显示，不应有答案";
const OTHER = "other";
const NONE = "none";

interface CompiledQuestion {
  name: string;
  acceptsComment: boolean;
  isVisible(values: Record<string, unknown>): boolean;
  isRequired(values: Record<string, unknown>): boolean;
  /** What the SurveyJS page could not have produced (mirrors the survey-core validator's checks). */
  shape(value: unknown): string | null;
  /** The question's own checks in validate(): "other" comment, number range and step. */
  ownCheck(value: unknown, empty: boolean, answers: Record<string, unknown>): string | null;
  /** The first failing validator's message, as survey-core's ValidatorRunner orders them. */
  validators(value: unknown): string | null;
}

type Text = (key: string, ...args: unknown[]) => string;

type Evaluate = (values: Record<string, unknown>) => unknown;

/** Distinct inputs an expression keeps results for; most answer sets share a handful. */
const MEMO_LIMIT = 4096;

/**
 * An expression's result depends only on the variables it names, and the same few combinations
 * come up again and again (age band, a yes/no), so results are kept by those values. Expressions
 * with functions (today(), age()) or nested paths are run every time.
 */
function memoized(runner: ConditionRunner | ExpressionRunner): Evaluate {
  const variables = runner.getVariables();
  if (runner.hasFunction() || variables.some((v) => /[.[\]]/.test(v))) return (values) => runner.runValues(values);
  const memo = new Map<string, unknown>();
  return (values) => {
    const key = JSON.stringify(variables.map((v) => values[v] ?? null));
    if (memo.has(key)) return memo.get(key);
    const result = runner.runValues(values);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, result);
    return result;
  };
}

function compileQuestion(
  q: JsonQuestion,
  condition: (expression: string) => Evaluate,
  text: Text,
  surveyMaxTextLength: number,
): CompiledQuestion {
  const chain = [...q.containerConditions, ...(q.visibleIf ? [q.visibleIf] : [])].map(condition);
  const requiredIf = q.requiredIf ? condition(q.requiredIf) : null;
  const choiceValues = new Set<unknown>(q.choices.map((c) => c.value));
  if (q.showOtherItem) choiceValues.add(OTHER);
  if (q.showNoneItem) choiceValues.add(NONE);
  const isNumber = q.type === "text" && q.inputType === "number";
  const maxLength = q.maxLength !== undefined && q.maxLength >= 0 ? q.maxLength : surveyMaxTextLength;
  const valueTrue = q.valueTrue ?? true;
  const valueFalse = q.valueFalse ?? false;
  const validators = q.validators.map((v) => compileValidatorRule(v, q, text));

  return {
    name: q.name,
    acceptsComment: q.showOtherItem,
    isVisible: (values) => q.visible && !q.containerHidden && chain.every((c) => c(values) === true),
    isRequired: (values) => q.isRequired || (requiredIf !== null && requiredIf(values) === true),
    shape(value) {
      switch (q.type) {
        case "radiogroup":
        case "dropdown":
          if (!isScalar(value)) return "答案格式不正确";
          return choiceValues.has(value) ? null : "选项不存在";
        case "checkbox":
          if (!Array.isArray(value) || !value.every(isScalar)) return "答案格式不正确";
          if (new Set(value).size !== value.length) return "选项重复";
          return value.every((v) => choiceValues.has(v)) ? null : "选项不存在";
        case "rating":
          return q.rateValues!.some((v) => v === value) ? null : "评分超出范围";
        case "boolean":
          return value === valueTrue || value === valueFalse ? null : "答案格式不正确";
        case "text":
        case "comment":
          if (isNumber) return typeof value === "number" && Number.isFinite(value) ? null : "请输入数字";
          if (typeof value !== "string") return "答案格式不正确";
          return maxLength > 0 && value.length > maxLength ? `最多${maxLength}个字` : null;
        case "html":
          return "该项不需要答案";
        default:
          return null;
      }
    },
    ownCheck(value, empty, answers) {
      if (q.showOtherItem) {
        const otherChosen = q.type === "checkbox" ? Array.isArray(value) && value.includes(OTHER) : value === OTHER;
        if (otherChosen && !answers[`${q.name}${COMMENT_SUFFIX}`]) return text("otherRequiredError");
      }
      if (isNumber && !empty && typeof value === "number") {
        if (q.min !== undefined && value < q.min) return text("minError", q.min);
        if (q.max !== undefined && value > q.max) return text("maxError", q.max);
        if (q.step !== undefined && stepMismatch(value, q.step)) return text("stepError", q.step);
      }
      return null;
    },
    validators(value) {
      for (const rule of validators) {
        const message = rule(value);
        if (message) return message;
      }
      return null;
    },
  };
}

/** survey-core's validators (numeric, text, answercount), with their default texts. */
function compileValidatorRule(v: JsonValidator, q: JsonQuestion, text: Text): (value: unknown) => string | null {
  const title = q.title ?? q.name;
  switch (v.type) {
    case "numeric": {
      const min = v.minValue ?? null;
      const max = v.maxValue ?? null;
      const rangeText = () =>
        v.text ||
        (min !== null && max !== null
          ? text("numericMinMax", title, min, max)
          : min !== null
            ? text("numericMin", title, min)
            : text("numericMax", title, max));
      return (value) => {
        if (isEmptyTrimmed(value)) return null;
        if (!isSurveyJsNumber(value)) return v.text || text("numericError");
        const n = Number(value);
        if ((min !== null && min > n) || (max !== null && max < n)) return rangeText();
        return null;
      };
    }
    case "text": {
      const minLength = v.minLength ?? 0;
      const maxLength = v.maxLength ?? 0;
      const allowDigits = v.allowDigits ?? true;
      const defaultText = () =>
        minLength > 0 && maxLength > 0
          ? text("textMinMaxLength", minLength, maxLength)
          : minLength > 0
            ? text("textMinLength", minLength)
            : text("textMaxLength", maxLength);
      return (value) => {
        if (isEmptyTrimmed(value)) return null;
        if (!allowDigits && /\d+$/.test(String(value))) return v.text || text("textNoDigitsAllow");
        const length = (value as { length?: number }).length;
        if (typeof length !== "number") return null;
        if (minLength > 0 && length < minLength) return v.text || defaultText();
        if (maxLength > 0 && length > maxLength) return v.text || defaultText();
        return null;
      };
    }
    case "answercount":
      return (value) => {
        if (!Array.isArray(value) || value.length === 0) return null;
        if (v.minCount && value.length < v.minCount) return v.text || text("minSelectError", v.minCount);
        if (v.maxCount && value.length > v.maxCount) return v.text || text("maxSelectError", v.maxCount);
        return null;
      };
  }
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

/** What the survey-core validator skips as "no answer" before its own checks. */
function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
}

/** SurveyJS's Helpers.isValueEmpty: empty arrays, objects of empty values, falsy but 0 and false. */
function isEmptyValue(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  if (value !== null && typeof value === "object" && (value as object).constructor === Object) {
    return Object.values(value).every(isEmptyValue);
  }
  return !value && value !== 0 && value !== false;
}

/** question.isEmpty(): strings are trimmed first (allowSpaceAsAnswer is off by default). */
function isEmptyForSurveyJs(value: unknown): boolean {
  return isEmptyValue(typeof value === "string" ? value.trim() : value);
}
const isEmptyTrimmed = isEmptyForSurveyJs;

function isSurveyJsNumber(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (typeof value !== "string" || value.trim() === "") return false;
  return Number.isFinite(Number(value));
}

/** survey-core's step check: scale both to integers, then test divisibility. */
function stepMismatch(value: number, step: number): boolean {
  let pw = 1;
  while ((Math.round(step * pw) / pw !== step || Math.round(value * pw) / pw !== value) && pw < 1_000_000) pw *= 10;
  const v = Math.round(value * pw);
  const s = Math.round(step * pw);
  return s > 0 && v % s !== 0;
}
