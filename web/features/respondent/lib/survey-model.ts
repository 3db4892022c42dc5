/**
 * Builds the SurveyJS model for the respondent page from the survey JSON and the draft.
 * Imported only by the lazy runner chunk (it pulls in survey-core), and by tests in Node.
 */
import { Model } from "survey-core";
import "survey-core/i18n/simplified-chinese";
import "../../../../surveys/properties";

export interface ModelSeed {
  json: Record<string, unknown>;
  data: Record<string, unknown>;
  pageNo: number;
  /** The draft came from another survey version: drop answers that no longer fit. */
  dropStaleAnswers: boolean;
}

export function createSurveyModel(seed: ModelSeed): Model {
  const model = new Model(seed.json);
  model.locale = "zh-cn";
  // Our own states (sending, retrying, thank-you) replace SurveyJS's completed page.
  model.showCompletedPage = false;
  // Save every keystroke, not only on blur: a reload mid-sentence must not lose the text.
  model.textUpdateMode = "onTyping";
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
 */
export function reopenAtIssues(model: Model, issues: { question?: string; message: string }[]): void {
  if (model.state === "completed") model.clear(false, false);
  let moved = false;
  for (const issue of issues) {
    const question = issue.question ? model.getQuestionByName(issue.question) : null;
    if (!question) continue;
    question.addError(issue.message);
    if (!moved && question.page && question.isVisible) {
      model.currentPage = question.page;
      moved = true;
    }
  }
}
