/**
 * The differential check behind test/server/validation/*: the compiled validator (the request
 * path) must give exactly SurveyJS's verdict (the same questions, the same messages, in the same
 * order) on many generated answer sets.
 *
 * SurveyJS's verdict comes from survey-core itself: a reused model for speed, and, whenever the
 * two disagree, a fresh model decides, because a reused survey-core model can carry state from
 * one answer set into the next.
 */
import { expect } from "vitest";
import { shippedSurveys } from "../../surveys/index";
import { compileValidator } from "../../server/services/surveys/validation/compiled-validator";
import { createSurveyCoreValidator } from "../../server/services/surveys/validation/survey-core-validator";
import { generateAnswers, mutateAnswers, seededRng, type MutationKind } from "./answer-generator";
import { describeQuestions, perturbAnswers } from "./answer-perturber";

const KINDS: MutationKind[] = [
  "missing_required",
  "hidden_answered",
  "unknown_choice",
  "unknown_key",
  "rating_out_of_range",
  "wrong_type",
  "too_long",
];

/**
 * `survey` is a shipped survey's id, or a published version's JSON under a name of its own (an
 * editor-made version: test/server/validation/differential-editor.test.ts).
 */
export function runDifferential(survey: string | { id: string; json: Record<string, unknown> }, options: { total: number; bases: number }) {
  const surveyId = typeof survey === "string" ? survey : survey.id;
  const json = typeof survey === "string" ? shippedSurveys.find((s) => s.id === surveyId)!.json : survey.json;
  const compiled = compileValidator(json);
  expect(compiled, `${surveyId} must compile`).not.toBeNull();
  const reused = createSurveyCoreValidator(json);
  const rng = seededRng([...surveyId].reduce((h, ch) => h * 31 + ch.charCodeAt(0), 7) >>> 0);
  const questions = describeQuestions(json);

  const bases = Array.from({ length: options.bases }, () => generateAnswers(json, rng));
  let checked = 0;
  let valid = 0;
  let freshChecks = 0;
  const kindsSeen = new Set<MutationKind>();

  const compare = (answers: Record<string, unknown>, expectedQuestion?: string) => {
    const actual = compiled!(answers);
    let expected = reused(answers);
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      freshChecks++;
      expected = createSurveyCoreValidator(json)(answers);
    }
    expect(actual, JSON.stringify(answers)).toEqual(expected);
    if (expectedQuestion) expect(actual.map((i) => i.question)).toContain(expectedQuestion);
    if (expected.length === 0) valid++;
    checked++;
  };

  // SurveyJS-generated answer sets: what real pages send. All valid.
  for (const answers of bases) {
    compare(answers);
    expect(compiled!(answers)).toEqual([]);
  }
  // Each kind of break a hand-made request could bring, with the question it must name.
  for (let i = 0; i < bases.length; i++) {
    const kind = KINDS[i % KINDS.length]!;
    const broken = mutateAnswers(json, bases[i]!, kind, rng);
    if (!broken) continue;
    kindsSeen.add(kind);
    compare(broken.answers, broken.mutation.question);
  }
  // Random walks away from valid sets: other choices (showing and hiding questions), junk, unknown keys, comments.
  while (checked < options.total) compare(perturbAnswers(questions, bases[checked % bases.length]!, rng));

  return { checked, valid, freshChecks, kindsSeen: kindsSeen.size };
}
