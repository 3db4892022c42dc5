import { lazy } from "react";

/** The SurveyJS runner as a separate chunk (~350 kB gzipped) so the page shell paints first. */
export const LazySurveyRunner = lazy(() => import("./survey-runner"));

/** Starts downloading the chunk early, e.g. while the questionnaire request is in flight. */
export function preloadSurveyRunner(): void {
  void import("./survey-runner");
}
