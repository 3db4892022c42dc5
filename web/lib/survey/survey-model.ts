/**
 * The one SurveyJS model factory, for the respondent page and the interviewer's tablet alike: the
 * zh-cn locale with our overrides of its machine-translated strings, the custom properties of
 * surveys/properties.ts, and the settings every runner needs. Imported only by the lazy runner
 * chunks (it pulls in survey-core), never by a page shell, and by tests in Node.
 */
import { Model, surveyLocalization, type QuestionRatingModel } from "survey-core";
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
}

export function createSurveyModel(seed: ModelSeed): Model {
  const model = new Model(seed.json);
  model.locale = SURVEY_LOCALE;
  // Our own states (sending, retrying, thank-you) replace SurveyJS's completed page.
  model.showCompletedPage = false;
  // Save every keystroke, not only on blur: a reload mid-sentence must not lose the text.
  model.textUpdateMode = "onTyping";
  if (seed.fitRatingsToPhones ?? true) fitRatingsToPhones(model);
  model.data = seed.data;
  // Unknown keys and choices no longer offered would be refused by the server ("unknown keys").
  if (seed.dropStaleAnswers) model.clearIncorrectValues(true);
  const lastPage = Math.max(0, model.visiblePageCount - 1);
  model.currentPageNo = Math.min(Math.max(0, Math.floor(seed.pageNo)), lastPage);
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
  }
}
