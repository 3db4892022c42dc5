/**
 * A survey made in the editor works wherever a shipped one does (issue 17): the registry and
 * GET /surveys, posters at the units its audience fits, the respondent page and QR answers, the
 * interview channel, the rates of its audience and the export. Retiring it closes its posters
 * and keeps it out of new ones; reopening undoes that. All audited.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, uuid } from "../../helpers/fixtures";
import { generateAnswers, seededRng } from "../../helpers/answer-generator";
import { createTestApp, type TestApp } from "../../helpers/test-app";
import { auditActions, editorCalls } from "./editor-fixtures";

const ID = "parent-winter-2027";
let t: TestApp;
let admin: string;
let editor: ReturnType<typeof editorCalls>;
let poster: { id: string; token: string };
let surveyJson: Record<string, unknown>;

const answerBody = (token: string, seed: number) => {
  const now = Date.now();
  return {
    id: uuid(),
    surveyId: ID,
    surveyVersion: 1,
    channel: "qr",
    token,
    answers: generateAnswers(surveyJson, seededRng(seed)),
    startedAt: new Date(now - 4 * 60_000).toISOString(),
    completedAt: new Date(now).toISOString(),
    deviceId: `device-${uuid()}`,
  };
};

beforeAll(async () => {
  t = await createTestApp({ env: { QR_RATE_LIMIT: "0", QR_BLOCK_LIMIT: "0" } });
  admin = await t.login();
  editor = editorCalls(t, admin);
}, 60_000);
afterAll(() => t.close());

describe("a new survey from a template", () => {
  it("lists the templates, starts a draft with its own title and audience, publishes version 1", async () => {
    const templates = (await editor.call("/templates")).body.templates;
    expect(templates).toContainEqual({ id: "parent-winter", title: expect.stringContaining("寒假"), audience: "parent" });
    const made = await editor.call("/new", "POST", {
      surveyId: ID,
      title: "2027年寒假家长问卷",
      audience: "parent",
      from: { template: "parent-winter" },
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ surveyId: ID, baseVersion: null, revision: 0 });
    expect(made.body.json).toMatchObject({ title: "2027年寒假家长问卷", audience: "parent" });
    expect(made.body.problems.filter((p: { level: string }) => p.level === "error")).toEqual([]);
    const diff = (await editor.diff(made.body.id)).body;
    expect(diff.diff.removed).toEqual([]);
    expect(diff.diff.added.length).toBeGreaterThan(10);
    // The id is taken while the draft exists, and after it is published.
    const taken = await editor.call("/new", "POST", { surveyId: ID, title: "重复", audience: "parent", from: { copyOf: "parent" } });
    expect([taken.status, taken.body.error.code]).toEqual([409, "survey_exists"]);
    expect((await editor.publish(made.body.id)).body).toEqual({ surveyId: ID, version: 1 });
    expect(
      (await editor.call("/new", "POST", { surveyId: ID, title: "重复", audience: "parent", from: { copyOf: "parent" } })).status,
    ).toBe(409);
    const listed = (await (await t.request("/api/v1/surveys")).json()) as { id: string; audience: string; retiredAt: string | null }[];
    expect(listed).toContainEqual(
      expect.objectContaining({ id: ID, version: 1, audience: "parent", title: "2027年寒假家长问卷", retiredAt: null }),
    );
    surveyJson = ((await (await t.request(`/api/v1/surveys/${ID}`)).json()) as { json: Record<string, unknown> }).json;
  });

  it("posters: at a school (its audience), not at a community", async () => {
    poster = await t.createPoster(admin, DEMO.school, ID);
    const wrong = await t.request("/api/v1/posters", { method: "POST", cookie: admin, json: { unitCode: DEMO.community, surveyId: ID } });
    expect([wrong.status, ((await wrong.json()) as any).error.code]).toEqual([422, "audience_mismatch"]);
  });

  it("respondents answer it by QR and interviewers at the school; its audience's rates and the export count them", async () => {
    const page = (await (await t.request(`/api/v1/q/${poster.token}`)).json()) as any;
    expect([page.survey.id, page.survey.version, page.unit.code]).toEqual([ID, 1, DEMO.school]);
    for (let i = 0; i < 3; i++) {
      const res = await t.request("/api/v1/responses", { method: "POST", json: answerBody(poster.token, 100 + i) });
      expect(res.status, await res.clone().text()).toBe(201);
    }
    const interview = { ...answerBody("", 200), token: undefined, channel: "interview", unitCode: DEMO.school };
    const res = await t.request("/api/v1/responses", { method: "POST", cookie: admin, json: interview });
    expect(res.status, await res.clone().text()).toBe(201);

    const rates = (await (await t.request(`/api/v1/rates?unit=${DEMO.school}&audience=parent`, { cookie: admin })).json()) as any;
    expect(rates.metrics.awareness.respondents).toBe(4);
    const questions = rates.questions.filter((q: { surveyId: string }) => q.surveyId === ID).map((q: { name: string }) => q.name);
    expect(questions).toContain("knows_garbage_sorting");
    const exported = await t.request(`/api/v1/exports/responses?unit=${DEMO.school}&survey=${ID}&format=csv`, { cookie: admin });
    expect(exported.status).toBe(200);
    expect((await exported.text()).trim().split("\n").length).toBe(5);
  });

  it("retired: its posters answer as closed, QR answers are refused, no new posters; reopened: all back", async () => {
    const retired = await t.request(`/api/v1/surveys/${ID}/retire`, { method: "POST", cookie: admin });
    expect(retired.status).toBe(200);
    expect(await retired.json()).toEqual({ surveyId: ID, retiredAt: expect.any(String) });
    const page = await t.request(`/api/v1/q/${poster.token}`);
    expect([page.status, ((await page.json()) as any).error.code]).toEqual([410, "poster_closed"]);
    const answer = await t.request("/api/v1/responses", { method: "POST", json: answerBody(poster.token, 300) });
    expect([answer.status, ((await answer.json()) as any).error.code]).toEqual([410, "poster_closed"]);
    const newPoster = await t.request("/api/v1/posters", { method: "POST", cookie: admin, json: { unitCode: DEMO.school, surveyId: ID } });
    expect([newPoster.status, ((await newPoster.json()) as any).error.code]).toEqual([422, "survey_retired"]);
    const listed = (await (await t.request("/api/v1/surveys")).json()) as { id: string; retiredAt: string | null }[];
    expect(listed.find((s) => s.id === ID)!.retiredAt).toEqual(expect.any(String));
    expect(listed.find((s) => s.id === "parent")!.retiredAt).toBeNull();
    // Retiring twice changes nothing (and logs nothing more).
    expect((await t.request(`/api/v1/surveys/${ID}/retire`, { method: "POST", cookie: admin })).status).toBe(200);
    expect((await t.request("/api/v1/surveys/nope/retire", { method: "POST", cookie: admin })).status).toBe(404);

    expect(await (await t.request(`/api/v1/surveys/${ID}/reopen`, { method: "POST", cookie: admin })).json()).toEqual({ surveyId: ID });
    expect((await t.request(`/api/v1/q/${poster.token}`)).status).toBe(200);
    expect((await t.request("/api/v1/responses", { method: "POST", json: answerBody(poster.token, 301) })).status).toBe(201);
    const actions = (await auditActions(t)).filter((a) => a.target === ID).map((a) => a.action);
    expect(actions).toEqual(["survey.draft.create", "survey.publish", "survey.retire", "survey.reopen"]);
  });
});
