import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { canonicalJson } from "../../server/lib/canonical-json";
import { sha256Hex } from "../../server/lib/crypto";
import { contentHashInput } from "../../server/services/ingest/prepare-response";
import { shippedSurveys } from "../../surveys/index";
import { generateAnswers, seededRng } from "../helpers/answer-generator";
import { DEMO, qrBody } from "../helpers/fixtures";
import { createTestApp, type TestApp } from "../helpers/test-app";

/**
 * Stored responses keep the content hash they were written with; a retry is recognised as a
 * duplicate only if the hash input is built exactly as before. The spliced form must equal the
 * plain canonical JSON of the whole object.
 */
describe("contentHashInput", () => {
  it("equals canonicalJson of the whole response on generated answers of every shipped survey", () => {
    const rng = seededRng(7);
    for (const survey of shippedSurveys) {
      // The answer shapes a real page produces (every question type of the shipped surveys); the
      // property below covers any JSON. Each survey-core answer set costs ~20-40 ms to generate.
      for (let i = 0; i < 25; i++) {
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

  it("equals canonicalJson of the whole response for any JSON answers and any field strings (property)", () => {
    // Any code unit (quotes, backslashes, control characters, lone surrogates) in any field, and
    // answers of any JSON shape and key order, including keys that sort around the field names.
    const text = fc.string({ unit: "binary" });
    const key = fc.oneof(text, fc.constantFrom("answers", "surveyId", "deviceId", "__proto__", "constructor", "a", "z", ""));
    fc.assert(
      fc.property(
        fc.record({
          surveyId: text,
          surveyVersion: fc.integer(),
          channel: fc.constantFrom("qr" as const, "interview" as const),
          unitCode: text,
          startedAt: text,
          completedAt: text,
          deviceId: text,
        }),
        fc.dictionary(key, fc.jsonValue(), { maxKeys: 12 }),
        (fields, answers) => {
          expect(contentHashInput(fields, canonicalJson(answers))).toBe(canonicalJson({ ...fields, answers }));
        },
      ),
      { numRuns: 2000 },
    );
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

/**
 * Instants and device ids are normalised before hashing (issue 11, hole 10). Hashes already
 * stored must still recognise their retries: unchanged for clients that send the canonical form,
 * and for a response stored with another form, its retry in that same form.
 */
describe("stored content hashes across the normalisation", () => {
  let t: TestApp;
  afterEach(() => t.close());

  const setup = async () => {
    t = await createTestApp();
    const admin = await t.login();
    const { token } = await t.createPoster(admin, DEMO.community, "resident");
    return { token, post: (json: unknown) => t.request("/api/v1/responses", { method: "POST", json }) };
  };
  const oldHash = (body: ReturnType<typeof qrBody>) =>
    sha256Hex(
      contentHashInput(
        { ...(body as never as Parameters<typeof contentHashInput>[0]), unitCode: DEMO.community },
        canonicalJson(body.answers),
      ),
    );
  const storedHash = async (id: string) =>
    String((await t.client.execute({ sql: "select content_hash from responses where id = ?", args: [id] })).rows[0]!.content_hash);

  it("is the hash the server always stored for a client that sends toISOString() instants and a lower-case id", async () => {
    const { token, post } = await setup();
    const body = qrBody(token);
    expect((await post(body)).status).toBe(201);
    expect(await storedHash(body.id)).toBe(await oldHash(body));
  });

  it("still matches a retry of a response stored, before normalisation, with the times and device id as sent", async () => {
    const { token, post } = await setup();
    const body = qrBody(token, { startedAt: "2026-11-20T10:00:00+08:00", completedAt: "2026-11-20T10:06:00+08:00", deviceId: "PHONE-1" });
    expect((await post(body)).status).toBe(201);
    // Such a row carries the hash over the fields as sent.
    await t.client.execute({ sql: "update responses set content_hash = ? where id = ?", args: [await oldHash(body), body.id] });
    const again = await post(body);
    expect(again.status).toBe(200);
    expect((await again.json()).status).toBe("duplicate");
    expect((await post({ ...body, deviceId: "PHONE-2" })).status).toBe(409);
  });
});
