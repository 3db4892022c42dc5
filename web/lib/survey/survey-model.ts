/**
 * The one SurveyJS model factory, for the respondent page and the interviewer's tablet alike: the
 * zh-cn locale with our overrides of its machine-translated strings, the custom properties of
 * surveys/properties.ts, and the settings every runner needs. Imported only by the lazy runner
 * chunks (it pulls in survey-core), never by a page shell, and by tests in Node.
 */
import {
  Model,
  surveyLocalization,
  type QuestionCheckboxModel,
  type QuestionRatingModel,
  type QuestionSelectBase,
  type QuestionTextModel,
} from "survey-core";
import "survey-core/i18n/simplified-chinese";
import "../../../surveys/properties";
import { texts } from "../i18n";

export const SURVEY_LOCALE = "zh-cn";
Object.assign(surveyLocalization.locales[SURVEY_LOCALE] ?? {}, texts.surveyLocale);

export interface ModelSeed {
  json: Record<string, unknown>;
  data: Record<string, unknown>;
  pageNo: number;
  /** The draft came from another survey version: drop answers that no longer fit. */
  dropStaleAnswers?: boolean;
  /**
   * Rating labels under the scale so the buttons fit a 375 px phone (default, the respondent
   * page); the interview tablet keeps SurveyJS's own layout.
   */
  fitRatingsToPhones?: boolean;
  /**
   * The person answering reads the survey themselves (the QR page): interviewer-only marks such
   * as （不读出） are hidden from choice texts (the stored values stay the same), and a full
   * 最多选N项 question says why its other boxes no longer respond.
   */
  selfAnswered?: boolean;
}

/** Choice-text suffixes meant for an interviewer reading aloud; the interview app marks them. */
export const NOT_READ_MARK = /\s*[（(]不读出[)）]\s*/g;

export function createSurveyModel(seed: ModelSeed): Model {
  const model = new Model(seed.json);
  model.locale = SURVEY_LOCALE;
  // Our own states (sending, retrying, thank-you) replace SurveyJS's completed page.
  model.showCompletedPage = false;
  // Save every keystroke, not only on blur: a reload mid-sentence must not lose the text.
  model.textUpdateMode = "onTyping";
  if (seed.fitRatingsToPhones ?? true) fitRatingsToPhones(model);
  applyTheSurveysRangeMessages(model);
  if (seed.selfAnswered) {
    hideNotReadMarks(model);
    explainChoiceLimits(model);
  }
  model.data = seed.data;
  // Unknown keys and choices no longer offered would be refused by the server ("unknown keys").
  if (seed.dropStaleAnswers) model.clearIncorrectValues(true);
  const lastPage = Math.max(0, model.visiblePageCount - 1);
  model.currentPageNo = Math.min(Math.max(0, Math.floor(seed.pageNo)), lastPage);
  if (seed.selfAnswered) for (const q of model.getAllQuestions()) updateChoiceLimitNote(q as QuestionCheckboxModel);
  return model;
}

/**
 * Reopens a completed survey with its answers and page kept (SurveyJS 3: `clear(false, false)`),
 * marks each refused question, and moves to the page of the first one that is visible.
 * Values the person cannot see or fix (unknown keys, choices no longer offered) are dropped,
 * else the same refusal would come back on every try.
 */
export function reopenAtIssues(model: Model, issues: { question?: string; message: string }[]): void {
  if (model.state === "completed") model.clear(false, false);
  model.clearIncorrectValues(true);
  let moved = false;
  for (const issue of issues) {
    const question = issue.question ? model.getQuestionByName(issue.question) : null;
    if (!question) {
      if (issue.question) model.clearValue(issue.question);
      continue;
    }
    question.addError(issue.message);
    if (!moved && question.page && question.isVisible) {
      model.currentPage = question.page;
      moved = true;
    }
  }
}

/**
 * With the min/max labels left and right of the buttons a 1-5 scale does not fit 375 px, and
 * SurveyJS falls back to a dropdown (two taps and a popup). Labels under the ends keep buttons.
 */
function fitRatingsToPhones(model: Model): void {
  for (const question of model.getAllQuestions()) {
    if (question.getType() !== "rating") continue;
    const rating = question as QuestionRatingModel;
    if (rating.displayMode === "auto" && rating.rateDescriptionLocation === "leftRight") {
      rating.rateDescriptionLocation = "bottom";
    }
    // With 18 px text (and 大字) "auto" would still fall back to the dropdown: keep the buttons.
    if (rating.displayMode === "auto") rating.displayMode = "buttons";
  }
}

/**
 * A number field with min/max is checked by SurveyJS before the survey's own validators, so a
 * person typing 25 saw the library's "该值不能大于 20" instead of the survey's "请填写1到20之间的
 * 整数". The numeric validator's text, when the survey gives one, answers both bounds.
 */
function applyTheSurveysRangeMessages(model: Model): void {
  for (const question of model.getAllQuestions()) {
    if (question.getType() !== "text") continue;
    const text = question as QuestionTextModel;
    const own = text.validators.find((v) => v.getType() === "numericvalidator" && v.text)?.text;
    if (!own) continue;
    // The properties read as the library's localised default when unset, so they are always replaced.
    text.minErrorText = own;
    text.maxErrorText = own;
  }
}

function hideNotReadMarks(model: Model): void {
  for (const question of model.getAllQuestions()) {
    const choices = (question as QuestionSelectBase).choices;
    if (!Array.isArray(choices)) continue;
    for (const item of choices) {
      const text = String(item.text ?? "");
      if (text.search(NOT_READ_MARK) >= 0) item.text = text.replace(NOT_READ_MARK, "");
    }
  }
}

const ORIGINAL_DESCRIPTION = Symbol("originalDescription");
type LimitedQuestion = QuestionCheckboxModel & { [ORIGINAL_DESCRIPTION]?: string };

/** At a 最多选N项 limit SurveyJS disables the other boxes without a word: say why, under them. */
function explainChoiceLimits(model: Model): void {
  model.onValueChanged.add((_sender, options) => updateChoiceLimitNote(options.question as QuestionCheckboxModel));
}

function updateChoiceLimitNote(question: QuestionCheckboxModel | undefined): void {
  if (question?.getType() !== "checkbox" || !(question.maxSelectedChoices > 0)) return;
  const q = question as LimitedQuestion;
  if (q[ORIGINAL_DESCRIPTION] === undefined) q[ORIGINAL_DESCRIPTION] = q.description ?? "";
  const chosen = Array.isArray(q.value) ? q.value.length : 0;
  const full = chosen >= q.maxSelectedChoices;
  q.description = full ? texts.respondent.choiceLimitReached(q.maxSelectedChoices) : q[ORIGINAL_DESCRIPTION];
  q.descriptionLocation = full ? "underInput" : "default";
}
