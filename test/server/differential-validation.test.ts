/**
 * The server's verdict on answers equals SurveyJS's: for every shipped survey, generated answer
 * sets (valid ones, and ones broken in each way a hand-made request could) get exactly the issues
 * an independent survey-core model plus the known break predicts.
 */
import "../../surveys/properties";
import { Model, type Question } from "survey-core";
import { describe, expect, it } from "vitest";
import { shippedSurveys } from "../../surveys/index";
import { createSurveyCoreValidator } from "../../server/services/validation/survey-core-validator";
import { generateAnswers, mutateAnswers, seededRng, type MutationKind } from "../helpers/answer-generator";
import { createTestApp } from "../helpers/test-app";
import { DEMO } from "../helpers/fixtures";

const KINDS: MutationKind[] = [
  "missing_required",
  "hidden_answered",
  "unknown_choice",
  "unknown_key",
  "rating_out_of_range",
  "wrong_type",
  "too_long",
];
const VALID_SETS = 200;
const BROKEN_SETS = 300;

/**
 * What SurveyJS itself makes of these answers: errors of visible questions after validate(), and
 * answers to questions it hides (its page clears those on complete, so it never sends them).
 */
function surveyJsErrors(oracle: Model, answers: Record<string, unknown>): Set<string> {
  oracle.clear(true, true);
  oracle.data = answers;
  const questions = oracle.getAllQuestions(false, false, true) as Question[];
  for (const q of questions) q.errors = [];
  oracle.validate(true, false);
  const out = new Set<string>();
  for (const q of questions) {
    const shown = q.isVisible && q.isParentVisible;
    if (shown && q.errors.length > 0) out.add(q.getValueName());
    const hasComment = answers[`${q.getValueName()}${oracle.commentSuffix}`] !== undefined;
    if (!shown && (!q.isEmpty() || hasComment)) out.add(q.getValueName());
  }
  return out;
}

describe.each(shippedSurveys.map((s) => [s.id, s.json] as const))("survey %s", (id, json) => {
  it(`gives SurveyJS's verdict on ${VALID_SETS + BROKEN_SETS} generated answer sets`, () => {
    const validator = createSurveyCoreValidator(json);
    const oracle = new Model(json);
    const rng = seededRng(id.length * 7919);
    const bases: Record<string, unknown>[] = [];
    let brokenChecked = 0;
    const seenKinds = new Set<MutationKind>();

    for (let i = 0; i < VALID_SETS; i++) {
      const answers = generateAnswers(json, rng);
      bases.push(answers);
      expect(surveyJsErrors(oracle, answers), JSON.stringify(answers)).toEqual(new Set());
      expect(validator(answers), JSON.stringify(answers)).toEqual([]);
    }
    for (let i = 0; brokenChecked < BROKEN_SETS && i < BROKEN_SETS * 4; i++) {
      const kind = KINDS[i % KINDS.length]!;
      const broken = mutateAnswers(json, bases[i % bases.length]!, kind, rng);
      if (!broken) continue;
      brokenChecked++;
      seenKinds.add(kind);
      const expected = surveyJsErrors(oracle, broken.answers);
      // Breaks SurveyJS's page could never produce (and so never reports) are named by the break.
      expected.add(broken.mutation.question);
      const actual = new Set(validator(broken.answers).map((issue) => issue.question));
      expect(actual, `${kind} ${JSON.stringify(broken.answers)}`).toEqual(expected);
    }
    expect(brokenChecked).toBe(BROKEN_SETS);
    // Every kind of break the survey has room for was exercised.
    expect(seenKinds.size).toBeGreaterThanOrEqual(6);
  }, 180_000);
});

describe("the HTTP path gives the same verdicts", () => {
  it("answers 201 for valid sets and 422 with the same issues for broken ones", async () => {
    const t = await createTestApp({ env: { QR_RATE_LIMIT: "0", QR_BLOCK_LIMIT: "0" } });
    const admin = await t.login();
    const posters = {
      resident: await t.createPoster(admin, DEMO.community, "resident"),
      shopkeeper: await t.createPoster(admin, DEMO.community, "shopkeeper"),
      parent: await t.createPoster(admin, DEMO.school, "parent"),
    } as Record<string, { token: string }>;
    for (const { id, json } of shippedSurveys) {
      const validator = createSurveyCoreValidator(json);
      const rng = seededRng(99);
      for (let i = 0; i < 20; i++) {
        const valid = generateAnswers(json, rng);
        const broken = mutateAnswers(json, valid, KINDS[i % KINDS.length]!, rng);
        for (const answers of [valid, broken?.answers].filter(Boolean) as Record<string, unknown>[]) {
          const res = await t.request("/api/v1/responses", {
            method: "POST",
            json: {
              id: crypto.randomUUID(),
              surveyId: id,
              surveyVersion: 1,
              channel: "qr",
              token: posters[id]!.token,
              answers,
              startedAt: "2026-11-20T01:00:00Z",
              completedAt: "2026-11-20T01:05:00Z",
              deviceId: crypto.randomUUID(),
            },
          });
          const expected = validator(answers);
          if (expected.length === 0) {
            expect(res.status).toBe(201);
          } else {
            expect(res.status).toBe(422);
            expect((await res.json()).error.issues).toEqual(expected);
          }
        }
      }
    }
    t.close();
  }, 120_000);
});
