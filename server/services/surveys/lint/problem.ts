import type { SurveyProblem } from "../../../contracts/survey-drafts";

export type { SurveyProblem } from "../../../contracts/survey-drafts";

/** An error: a survey with one cannot be published (nor start as a file). */
export const error = (code: string, message: string, where: { question?: string; page?: string } = {}): SurveyProblem => ({
  level: "error",
  code,
  message,
  ...where,
});

/** A warning: worth a look, does not stop publishing. */
export const warning = (code: string, message: string, where: { question?: string; page?: string } = {}): SurveyProblem => ({
  level: "warning",
  code,
  message,
  ...where,
});
