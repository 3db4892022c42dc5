import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../server/lib/canonical-json";
import { contentHashInput } from "../../server/services/responses";
import { shippedSurveys } from "../../surveys/index";
import { generateAnswers, seededRng } from "../helpers/answer-generator";

/**
 * Stored responses keep the content hash they were written with; a retry is recognised as a
 * duplicate only if the hash input is built exactly as before. The spliced form must equal the
 * plain canonical JSON of the whole object.
 */
describe("contentHashInput", () => {
  it("equals canonicalJson of the whole response on generated answers of every shipped survey", () => {
    const rng = seededRng(7);
    for (const survey of shippedSurveys) {
      for (let i = 0; i < 200; i++) {
        const answers = generateAnswers(survey.json, rng);
        const fields = {
          surveyId: survey.id,
          surveyVersion: 1 + Math.floor(rng() * 5),
          channel: rng() < 0.5 ? ("qr" as const) : ("interview" as const),
          unitCode: "500104001001",
          startedAt: "2026-11-20T08:00:00.000Z",
          completedAt: "2026-11-20T08:05:00.000Z",
          deviceId: `设备-${i}"\\`,
        };
        expect(contentHashInput(fields, canonicalJson(answers))).toBe(canonicalJson({ ...fields, answers }));
      }
    }
  });

  it("does not depend on the order a client wrote its keys in", () => {
    const fields = {
      surveyId: "resident",
      surveyVersion: 1,
      channel: "qr" as const,
      unitCode: "500104001001",
      startedAt: "2026-11-20T08:00:00.000Z",
      completedAt: "2026-11-20T08:05:00.000Z",
      deviceId: "d1",
    };
    const a = contentHashInput(fields, canonicalJson({ q2: [3, 1], q1: { b: 1, a: 2 } }));
    const b = contentHashInput({ ...fields }, canonicalJson({ q1: { a: 2, b: 1 }, q2: [3, 1] }));
    expect(a).toBe(b);
    expect(contentHashInput(fields, canonicalJson({ q1: { a: 2, b: 1 }, q2: [1, 3] }))).not.toBe(a);
  });
});
