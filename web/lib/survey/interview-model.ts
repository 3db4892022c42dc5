/**
 * The SurveyJS model as the interviewer's tablet runs it: the shared factory's model (locale, zh
 * overrides, custom properties) with SurveyJS's own rating layout, no title (the tablet shows its
 * 开场白 instead), and 不读出 options marked so they are not read out. In lib because the
 * questionnaire editor previews a draft exactly as the tablet would show it.
 */
import type { Model } from "survey-core";
import { createSurveyModel, type ModelSeed } from "./survey-model";
import "./interview-marks.css";

export const NOT_READ_TEXT = "不读出";
export const NOT_READ_CLASS = "iv-not-read";

export function createInterviewModel(seed: Pick<ModelSeed, "json" | "data" | "pageNo">): Model {
  const model = createSurveyModel({ ...seed, fitRatingsToPhones: false });
  // The title and description address the respondent; the tablet shows its 开场白 instead.
  model.showTitle = false;
  model.onUpdateChoiceItemCss.add((_sender, options) => {
    if (String(options.item.text ?? "").includes(NOT_READ_TEXT)) options.css = `${options.css} ${NOT_READ_CLASS}`;
  });
  return model;
}
