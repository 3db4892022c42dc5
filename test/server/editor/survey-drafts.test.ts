/**
 * The drafts API of the questionnaire editor (issue 17) on the real app and database: create,
 * autosave with revisions, problems, diff, publish as a new version that respondents get, the
 * refusal of an invalid draft, discard, bad input, and the audit trail.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { countRows, DEMO, qrBody } from "../../helpers/fixtures";
import { generateAnswers, seededRng } from "../../helpers/answer-generator";
import { createTestApp, type TestApp } from "../../helpers/test-app";
import { auditActions, bankElement, editorCalls, element } from "./editor-fixtures";

let t: TestApp;
let admin: string;
let editor: ReturnType<typeof editorCalls>;

beforeEach(async () => {
  t = await createTestApp({ env: { QR_RATE_LIMIT: "0", QR_BLOCK_LIMIT: "0" } });
  admin = await t.login();
  editor = editorCalls(t, admin);
}, 60_000);
afterEach(() => t.close());

describe("drafts", () => {
  it("a draft starts from the current version; asking again gives the same draft; creation is audited once", async () => {
    const first = await editor.create("resident");
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ surveyId: "resident", baseVersion: 1, revision: 0, createdBy: "admin", problems: [] });
    expect(first.body.json.pages.length).toBeGreaterThanOrEqual(4);
    const again = await editor.create("resident");
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect((await editor.call("")).body.drafts.map((d: { id: string }) => d.id)).toEqual([first.body.id]);
    expect((await auditActions(t)).map((a) => a.action)).toEqual(["survey.draft.create"]);
  });

  it("autosave takes the revision it last saw: +1 per save, 409 stale_revision for an older one, nothing overwritten", async () => {
    const { body: draft } = await editor.create("resident");
    const json = draft.json;
    json.title = "居民问卷（修订）";
    const saved = await editor.save(draft.id, json, 0);
    expect(saved.status).toBe(200);
    expect(saved.body.revision).toBe(1);
    const stale = await editor.save(draft.id, { ...json, title: "旧标签页的标题" }, 0);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("stale_revision");
    const stored = await editor.get(draft.id);
    expect([stored.body.revision, stored.body.json.title]).toEqual([1, "居民问卷（修订）"]);
    // One update entry for the editing session, however many saves.
    await editor.save(draft.id, json, 1);
    expect((await auditActions(t)).map((a) => a.action)).toEqual(["survey.draft.create", "survey.draft.update"]);
  });

  it("bad input is refused at the edge (400 / 422 / 404) and stores nothing", async () => {
    const { body: draft } = await editor.create("resident");
    const before = { drafts: await countRows(t, "survey_drafts"), versions: await countRows(t, "survey_versions") };
    const notJson = await t.request(`/api/v1/survey-drafts/${draft.id}`, {
      method: "PUT",
      cookie: admin,
      body: "{",
      headers: { "content-type": "application/json" },
    });
    expect(notJson.status).toBe(400);
    expect((await editor.call(`/${draft.id}`, "PUT", { json: { pages: [] } })).status).toBe(422);
    expect((await editor.call(`/${draft.id}`, "PUT", { json: [], revision: 0 })).status).toBe(422);
    // Not pages of element objects: nothing the lint, the diff or survey-core could walk.
    expect((await editor.call(`/${draft.id}`, "PUT", { json: { pages: [null] }, revision: 0 })).status).toBe(422);
    expect((await editor.call(`/${draft.id}`, "PUT", { json: { pages: [{ elements: [{ name: "x" }] }] }, revision: 0 })).status).toBe(422);
    expect((await editor.create("no-such-survey")).status).toBe(404);
    expect((await editor.call("", "POST", { surveyId: "Bad Id" })).status).toBe(422);
    expect(
      (await editor.call("/new", "POST", { surveyId: "x", title: "短", audience: "parent", from: { template: "parent" } })).status,
    ).toBe(422);
    expect(
      (await editor.call("/new", "POST", { surveyId: "new-one", title: "新问卷", audience: "parent", from: { template: "nope" } })).status,
    ).toBe(422);
    expect((await editor.save("no-such-draft", draft.json, 0)).status).toBe(404);
    expect({ drafts: await countRows(t, "survey_drafts"), versions: await countRows(t, "survey_versions") }).toEqual(before);
    expect((await editor.get(draft.id)).body.revision).toBe(0);
  });

  it("a metric question with no positive choice: the draft says why, publishing is refused with 422 and changes nothing", async () => {
    const { body: draft } = await editor.create("resident");
    element(draft.json, "knows_campaign").positive = [];
    const saved = await editor.save(draft.id, draft.json, 0);
    expect(saved.status).toBe(200);
    const problem = saved.body.problems.find((p: { code: string }) => p.code === "metric_no_positive");
    expect(problem).toMatchObject({ level: "error", question: "knows_campaign", page: "awareness" });
    expect(problem.message).toMatch(/knows_campaign.*算作/);
    const versions = await countRows(t, "survey_versions");
    const refused = await editor.publish(draft.id);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("draft_invalid");
    expect(refused.body.error.message).toContain("不能发布");
    expect(refused.body.error.problems.map((p: { code: string }) => p.code)).toContain("metric_no_positive");
    expect(refused.body.error.issues).toContainEqual({ question: "knows_campaign", message: problem.message });
    expect(await countRows(t, "survey_versions")).toBe(versions);
    expect((await editor.get(draft.id)).status).toBe(200);
    expect((await auditActions(t)).map((a) => a.action)).not.toContain("survey.publish");
  });

  it("diff against the published version: the bank item added, a label reworded, a metric's meaning changed", async () => {
    const { body: draft } = await editor.create("resident");
    draft.json.pages.find((p: { name: string }) => p.name === "awareness").elements.push(bankElement("awareness-garbage-sorting"));
    element(draft.json, "knows_campaign").choices[0].text = "知道（听说过）";
    element(draft.json, "sat_environment").positive = ["vs"];
    const saved = await editor.save(draft.id, draft.json, 0);
    expect(saved.body.problems).toEqual([
      expect.objectContaining({ level: "warning", code: "metric_meaning_changed", question: "sat_environment" }),
    ]);
    const { status, body } = await editor.diff(draft.id);
    expect(status).toBe(200);
    expect(body.diff.added).toEqual([{ name: "knows_garbage_sorting", title: expect.stringContaining("垃圾"), type: "radiogroup" }]);
    const knows = body.diff.changed.find((q: { name: string }) => q.name === "knows_campaign");
    expect(knows.choices).toEqual([{ value: "yes", kind: "text", before: "知道", after: "知道（听说过）" }]);
    expect(body.meaningChanged).toEqual(["sat_environment"]);
  });

  it("publish: a new version respondents get at once, answers on it accepted, draft gone, audited with the diff", async () => {
    const poster = await t.createPoster(admin, DEMO.community, "resident");
    const { body: draft } = await editor.create("resident");
    draft.json.pages.find((p: { name: string }) => p.name === "awareness").elements.push(bankElement("awareness-garbage-sorting"));
    element(draft.json, "knows_campaign").choices[0].text = "知道（听说过）";
    await editor.save(draft.id, draft.json, 0);
    const published = await editor.publish(draft.id);
    expect(published.status).toBe(201);
    expect(published.body).toEqual({ surveyId: "resident", version: 2 });
    expect((await editor.get(draft.id)).status).toBe(404);
    const row = await t.client.execute("select source from survey_versions where survey_id = 'resident' and version = 2");
    expect(row.rows[0]!.source).toBe("editor");

    const page = (await (await t.request(`/api/v1/q/${poster.token}`)).json()) as any;
    expect(page.survey.version).toBe(2);
    expect(JSON.stringify(page.survey.json)).toContain("knows_garbage_sorting");
    const answers = generateAnswers(page.survey.json, seededRng(7), {});
    const res = await t.request("/api/v1/responses", { method: "POST", json: qrBody(poster.token, { surveyVersion: 2, answers }) });
    expect(res.status, await res.clone().text()).toBe(201);

    const audit = (await auditActions(t)).find((a) => a.action === "survey.publish")!;
    expect(audit.target).toBe("resident");
    expect(audit.after).toMatchObject({
      version: 2,
      changes: { added: ["knows_garbage_sorting"], changed: ["knows_campaign"] },
      meaningChanged: [],
    });
    // Nothing left to publish: a fresh draft equal to version 2 is refused as unchanged.
    const { body: next } = await editor.create("resident");
    expect(next.baseVersion).toBe(2);
    const unchanged = await editor.publish(next.id);
    expect([unchanged.status, unchanged.body.error.code]).toEqual([422, "no_changes"]);
  });

  it("discard: the draft is gone, the published versions untouched, audited", async () => {
    const { body: draft } = await editor.create("resident");
    element(draft.json, "knows_campaign").title = "改过的题目";
    await editor.save(draft.id, draft.json, 0);
    const versions = await countRows(t, "survey_versions");
    const gone = await editor.discard(draft.id);
    expect(gone).toEqual({ status: 200, body: { discarded: true } });
    expect((await editor.get(draft.id)).status).toBe(404);
    expect((await editor.discard(draft.id)).status).toBe(404);
    expect(await countRows(t, "survey_versions")).toBe(versions);
    const entry = (await auditActions(t)).find((a) => a.action === "survey.draft.discard");
    expect(entry).toBeDefined();
  });

  it("the trend marks the version boundary, and whether the new version changed a metric's meaning", async () => {
    const { body: draft } = await editor.create("resident");
    element(draft.json, "sat_environment").positive = ["vs"];
    await editor.save(draft.id, draft.json, 0);
    expect((await editor.publish(draft.id)).status).toBe(201);
    const res = await t.request(`/api/v1/rates/trend?unit=${DEMO.dadukou}&audience=resident`, { cookie: admin });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.versionBoundaries).toEqual([{ surveyId: "resident", version: 2, publishedAt: expect.any(String), meaningChanged: true }]);
    const parents = (await (await t.request(`/api/v1/rates/trend?unit=${DEMO.dadukou}&audience=parent`, { cookie: admin })).json()) as any;
    expect(parents.versionBoundaries).toEqual([]);
  });
});
