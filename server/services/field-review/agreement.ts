import { canonicalJson } from "../../lib/canonical-json";

/** How many questions a back-check re-asks: a few, so a phone call stays short. */
export const BACK_CHECK_QUESTIONS = 5;

/**
 * The questions a back-check re-asks: the first BACK_CHECK_QUESTIONS of the survey version's
 * metric questions that the original respondent answered, in questionnaire order. Metric
 * questions are what the rates count, so they are what a fabricated interview would distort.
 */
export function backCheckQuestions(metricNames: readonly string[], original: Record<string, unknown>): string[] {
  return metricNames.filter((name) => original[name] !== undefined && original[name] !== null).slice(0, BACK_CHECK_QUESTIONS);
}

/** Same answer: equal values, a multiple choice compared as a set. */
export function sameAnswer(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (Array.isArray(v) ? [...v].map((x) => canonicalJson(x)).sort() : v);
  return canonicalJson(norm(a)) === canonicalJson(norm(b));
}

/**
 * One back-check against its original: of the set questions the checker got an answer to
 * (`compared`), how many match (`matched`). A question the respondent would not answer again is
 * left out rather than counted as a disagreement.
 */
export function compareAnswers(questions: readonly string[], original: Record<string, unknown>, check: Record<string, unknown>) {
  let compared = 0;
  let matched = 0;
  for (const q of questions) {
    if (check[q] === undefined || check[q] === null || original[q] === undefined) continue;
    compared += 1;
    if (sameAnswer(original[q], check[q])) matched += 1;
  }
  return { compared, matched };
}

/** An interviewer's agreement: matched over compared answers of all their finished back-checks (null: nothing compared). */
export function agreementRate(checks: readonly { matched: number; compared: number }[]): number | null {
  const compared = checks.reduce((s, c) => s + c.compared, 0);
  return compared === 0 ? null : checks.reduce((s, c) => s + c.matched, 0) / compared;
}
