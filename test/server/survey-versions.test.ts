import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { shippedSurveys } from "../../surveys/index";
import { publishSurveys } from "../../server/services/surveys/surveys";
import { createTarget, type Target } from "../helpers/target";
import { countRows, DEMO, qrBody, validAnswers } from "../helpers/fixtures";

let t: Target;
beforeEach(async () => {
  t = await createTarget();
});
afterEach(() => t.close());

describe("survey versions", () => {
  it("publishes nothing new when the files did not change", async () => {
    expect(await publishSurveys(t.db, shippedSurveys, new Date())).toEqual([]);
    expect(await countRows(t, "survey_versions")).toBe(3);
  });

  it("publishes a new version when a file's content changes; the old version stays readable and keeps its responses", async () => {
    const admin = await t.login();
    const { token } = await t.createPoster(admin, DEMO.community, "resident");
    const oldAnswers = validAnswers("resident");
    expect((await t.request("/api/v1/responses", { method: "POST", json: qrBody(token, { answers: oldAnswers }) })).status).toBe(201);

    const resident = shippedSurveys.find((s) => s.id === "resident")!;
    const changed = { id: "resident", json: { ...resident.json, title: "居民问卷（修订）" } };
    const added = await publishSurveys(t.db, [changed], new Date());
    expect(added.map((v) => [v.surveyId, v.version])).toEqual([["resident", 2]]);
    // Key order alone is not a change.
    const reordered = { id: "resident", json: Object.fromEntries(Object.entries(changed.json).reverse()) };
    expect(await publishSurveys(t.db, [reordered], new Date())).toEqual([]);

    const v1 = await (await t.request("/api/v1/surveys/resident/versions/1")).json();
    expect(v1.json.title).toBe(resident.json.title);
    const v2 = await (await t.request("/api/v1/surveys/resident/versions/2")).json();
    expect(v2.json.title).toBe("居民问卷（修订）");
    // A draft started on version 1 can still be submitted against it.
    const late = qrBody(token, { surveyVersion: 1, answers: validAnswers("resident") });
    expect((await t.request("/api/v1/responses", { method: "POST", json: late })).status).toBe(201);
    expect(await countRows(t, "responses", "survey_version = 1")).toBe(2);
  });

  it("refuses to start with a survey file that has JSON errors", async () => {
    const broken = { id: "resident", json: { audience: "resident", pages: [{ elements: [{ type: "nosuchtype", name: "x" }] }] } };
    await expect(publishSurveys(t.db, [broken], new Date())).rejects.toThrow(/Survey files have errors/);
    // The verdict is remembered per process (surveys.ts): a later start with the same file is refused too.
    await expect(publishSurveys(t.db, [broken], new Date())).rejects.toThrow(/Survey files have errors/);
  });
});
