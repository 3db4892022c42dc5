import "../../../../surveys/properties";
import "survey-core/i18n/simplified-chinese";
import { Model, type Question } from "survey-core";

export interface AnswerIssue {
  question: string;
  message: string;
}

export type AnswerValidator = (answers: Record<string, unknown>) => AnswerIssue[];

/**
 * Checks answers the way SurveyJS itself would, on one model reused for every response of a
 * survey version (a Model per request leaks ~3 MB: docs/stack.md). Beyond `validate()` (required,
 * requiredIf, validators, min/max) it refuses what a SurveyJS page can never produce but a hand-made
 * request can: unknown keys, unknown choices, ratings out of range, answers to hidden questions,
 * over-long text and values of the wrong type.
 *
 * Synchronous on purpose: one model is safe to share because no request can interleave.
 * A reused model is not perfectly stateless: after some inputs it misjudges the next one (a
 * boolean answered `false` reported as missing was seen). The request path therefore uses the
 * compiled validator; this one is the fallback for survey features the compiler does not model.
 */
export function createSurveyCoreValidator(json: object): AnswerValidator {
  const model = new Model(json);
  model.locale = "zh-cn";
  const commentSuffix = model.commentSuffix;

  return (answers) => {
    // Assigning data replaces every value (comments included); clear() would cost 3x as much.
    model.clear(true, true);
    model.data = answers;
    const issues = new Map<string, string>();
    const add = (question: string, message: string) => {
      if (!issues.has(question)) issues.set(question, message);
    };

    for (const [key, value] of Object.entries(answers)) {
      if (model.getQuestionByValueName(key)) continue;
      const base = key.endsWith(commentSuffix) ? model.getQuestionByValueName(key.slice(0, -commentSuffix.length)) : null;
      if (base && acceptsComment(base)) {
        // A comment belongs to its question: its problems are reported under the question's name.
        const baseName = base.getValueName();
        if (!base.isVisible || !base.isParentVisible) add(baseName, "该问题未显示，不应有答案");
        else if (typeof value !== "string") add(baseName, "补充说明应为文本");
        continue;
      }
      add(key, "问卷中没有这个问题");
    }

    for (const question of model.getAllQuestions(false, false, true) as Question[]) {
      const name = question.getValueName();
      if (!(name in answers) || isEmpty(answers[name])) continue;
      if (!question.isVisible || !question.isParentVisible) {
        add(name, "该问题未显示，不应有答案");
        continue;
      }
      const problem = checkShape(question, answers[name]);
      if (problem) add(name, problem);
    }

    // A reused model keeps errors on questions the new data hides; only fresh ones may count.
    const all = model.getAllQuestions(false, false, true) as Question[];
    for (const question of all) if (question.errors.length > 0) question.errors = [];
    model.validate(true, false);
    for (const question of all) {
      const first = question.errors[0];
      if (first && question.isVisible && question.isParentVisible) add(question.getValueName(), first.getText());
    }
    return [...issues].map(([question, message]) => ({ question, message }));
  };
}

function acceptsComment(question: Question): boolean {
  const q = question as Question & { showOtherItem?: boolean; showCommentArea?: boolean; hasComment?: boolean };
  return Boolean(q.showOtherItem || q.showCommentArea || q.hasComment);
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
}

/** What a SurveyJS page could have produced for this question, given its current visible options. */
function checkShape(question: Question, value: unknown): string | null {
  const type = question.getType();
  switch (type) {
    case "radiogroup":
    case "dropdown":
      if (!isScalar(value)) return "答案格式不正确";
      return hasChoice(question, value) ? null : "选项不存在";
    case "checkbox":
    case "tagbox":
      if (!Array.isArray(value) || !value.every(isScalar)) return "答案格式不正确";
      if (new Set(value).size !== value.length) return "选项重复";
      return value.every((v) => hasChoice(question, v)) ? null : "选项不存在";
    case "rating": {
      const allowed = (question as Question & { visibleRateValues: { value: unknown }[] }).visibleRateValues.map((v) => v.value);
      return allowed.some((v) => v === value) ? null : "评分超出范围";
    }
    case "boolean": {
      const q = question as Question & { getValueTrue(): unknown; getValueFalse(): unknown };
      return value === q.getValueTrue() || value === q.getValueFalse() ? null : "答案格式不正确";
    }
    case "text":
    case "comment": {
      const inputType = (question as Question & { inputType?: string }).inputType;
      if (type === "text" && (inputType === "number" || inputType === "range")) {
        return typeof value === "number" && Number.isFinite(value) ? null : "请输入数字";
      }
      if (typeof value !== "string") return "答案格式不正确";
      const max = (question as Question & { getMaxLength(): number | null }).getMaxLength();
      return max && max > 0 && value.length > max ? `最多${max}个字` : null;
    }
    case "html":
    case "image":
      return "该项不需要答案";
    default:
      return null;
  }
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

function hasChoice(question: Question, value: unknown): boolean {
  const q = question as Question & {
    visibleChoices: { value: unknown }[];
    otherItem?: { value: unknown };
    showOtherItem?: boolean;
    noneItem?: { value: unknown };
    showNoneItem?: boolean;
  };
  if (q.visibleChoices.some((c) => c.value === value)) return true;
  if (q.showOtherItem && q.otherItem?.value === value) return true;
  if (q.showNoneItem && q.noneItem?.value === value) return true;
  return false;
}
