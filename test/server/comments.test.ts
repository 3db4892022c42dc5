/**
 * GET /api/v1/comments (issue 14, 意见建议): every open-text answer in the caller's subtree, from
 * response_comments written in the response's own transaction. Scope, search, filters, paging.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRows, DEMO, eligibleAnswers, qrBody } from "../helpers/fixtures";
import { createTestApp, type TestApp } from "../helpers/test-app";
import { getJson, seedResponse } from "./rates-fixtures";
import { backfillCommentsOnce, COMMENTS_BACKFILLED_KEY, rebuildComments } from "../../server/services/comments/comment-rebuild";

let t: TestApp;
let root: string;
let office: string;
let communityOffice: string;
let interviewer: string;
const ids: Record<string, string> = {};

const withComment = (surveyId: string, text: string | undefined, extra: Record<string, unknown> = {}) => {
  const answers = { ...eligibleAnswers(surveyId), ...extra };
  delete answers.suggestions;
  return text === undefined ? answers : { ...answers, suggestions: text };
};

beforeAll(async () => {
  t = await createTestApp({ env: { QR_RATE_LIMIT: "0", QR_BLOCK_LIMIT: "0" } });
  root = await t.login();
  office = await t.createUser(root, { username: "ddk-office", password: "office-pass-1", role: "office", scope: DEMO.dadukou });
  communityOffice = await t.createUser(root, { username: "ms-office", password: "office-pass-1", role: "office", scope: DEMO.community });
  interviewer = await t.createUser(root, { username: "ddk-int", password: "interview-pass-1", role: "interviewer", scope: DEMO.dadukou });
  ids.rubbish = await seedResponse(t, {
    unitCode: DEMO.community,
    answers: withComment("resident", "小区垃圾清运不及时"),
    day: "2026-11-18",
  });
  ids.parking = await seedResponse(t, {
    unitCode: DEMO.community2,
    answers: withComment("resident", "停车位太少，100%占满"),
    day: "2026-11-19",
  });
  ids.shop = await seedResponse(t, {
    unitCode: DEMO.community,
    surveyId: "shopkeeper",
    answers: withComment("shopkeeper", "门前三包检查太频繁"),
    day: "2026-11-20",
  });
  ids.flagged = await seedResponse(t, {
    unitCode: DEMO.community,
    answers: withComment("resident", "刷票的垃圾意见"),
    day: "2026-11-20",
    flagged: true,
  });
  ids.blank = await seedResponse(t, { unitCode: DEMO.community, answers: withComment("resident", "   "), day: "2026-11-20" });
  ids.none = await seedResponse(t, { unitCode: DEMO.community, answers: withComment("resident", undefined), day: "2026-11-20" });
  ids.qijiang = await seedResponse(t, {
    unitCode: DEMO.qijiangCommunity,
    answers: withComment("resident", "綦江的垃圾问题"),
    day: "2026-11-20",
  });
});
afterAll(() => t.close());

const comments = (cookie: string, query = "") => getJson(t, `/api/v1/comments${query ? `?${query}` : ""}`, cookie);
const idsOf = (body: any) => body.comments.map((c: { responseId: string }) => c.responseId);

describe("GET /api/v1/comments", () => {
  it("lists the caller's subtree newest first, with unit path, survey, question, channel and no blank answers", async () => {
    const { status, body } = await comments(office);
    expect(status).toBe(200);
    expect(idsOf(body)).toEqual([ids.shop, ids.parking, ids.rubbish]);
    const shop = body.comments[0];
    expect(shop).toMatchObject({
      unit: { code: DEMO.community, path: ["重庆市", "大渡口区", "新山村街道", shop.unit.name] },
      survey: { id: "shopkeeper", version: 1 },
      question: { name: "suggestions" },
      text: "门前三包检查太频繁",
      channel: "interview",
      day: "2026-11-20",
      issueIds: [],
    });
    expect(shop.question.title).toContain("意见和建议");
    expect(body.nextCursor).toBeNull();
  });

  it("stays inside the scope: a community's office sees its own, another district is 403, interviewers and anonymous are refused", async () => {
    expect(idsOf((await comments(communityOffice)).body)).toEqual([ids.shop, ids.rubbish]);
    expect((await comments(communityOffice, `unit=${DEMO.community2}`)).status).toBe(403);
    expect((await comments(office, `unit=${DEMO.qijiang}`)).status).toBe(403);
    expect((await comments(interviewer)).status).toBe(403);
    expect((await t.request("/api/v1/comments")).status).toBe(401);
    expect((await comments(office, "unit=999999999999")).status).toBe(404);
    // The root admin sees the whole city, 綦江 included.
    expect(idsOf((await comments(root)).body)).toContain(ids.qijiang);
  });

  it("searches the text (LIKE metacharacters taken literally) and filters by unit, survey, question, days and flagged", async () => {
    expect(idsOf((await comments(office, `q=${encodeURIComponent("垃圾")}`)).body)).toEqual([ids.rubbish]);
    expect(idsOf((await comments(office, `q=${encodeURIComponent("100%")}`)).body)).toEqual([ids.parking]);
    expect(idsOf((await comments(office, `q=${encodeURIComponent("0_")}`)).body)).toEqual([]);
    expect(idsOf((await comments(office, `q=${encodeURIComponent("垃圾")}&includeFlagged=1`)).body)).toEqual([ids.flagged, ids.rubbish]);
    expect(idsOf((await comments(office, `unit=${DEMO.community2}`)).body)).toEqual([ids.parking]);
    expect(idsOf((await comments(office, "survey=shopkeeper")).body)).toEqual([ids.shop]);
    expect(idsOf((await comments(office, "question=no_such_question")).body)).toEqual([]);
    expect(idsOf((await comments(office, "from=2026-11-19&to=2026-11-19")).body)).toEqual([ids.parking]);
    expect(idsOf((await comments(office, "to=2026-11-18")).body)).toEqual([ids.rubbish]);
    expect(idsOf((await comments(office, "channel=qr")).body)).toEqual([]);
    expect((await comments(office, "from=2026-11-20&to=2026-11-19")).status).toBe(422);
    expect((await comments(office, "limit=0")).status).toBe(422);
  });

  it("pages with a cursor: every comment once, in order, and a forged cursor is 422", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { status, body }: { status: number; body: any } = await comments(root, `limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(status).toBe(200);
      expect(body.comments.length).toBeLessThanOrEqual(2);
      seen.push(...idsOf(body));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(idsOf((await comments(root, "limit=200")).body));
    expect(seen).toHaveLength(4);
    expect(pages).toBe(2);
    const forged = await comments(root, "cursor=bm90LWpzb24");
    expect(forged.status).toBe(422);
    expect(forged.body.error.code).toBe("invalid_cursor");
  });

  it("a QR response's comment is stored with it by POST /responses, and not for a number answer", async () => {
    const poster = await t.createPoster(root, DEMO.community2, "resident");
    const body = qrBody(poster.token, { answers: withComment("resident", "  希望多建口袋公园  ") });
    expect((await t.request("/api/v1/responses", { method: "POST", json: body })).status).toBe(201);
    const found = await comments(office, `q=${encodeURIComponent("口袋公园")}`);
    expect(found.body.comments).toMatchObject([{ responseId: body.id, text: "希望多建口袋公园", channel: "qr" }]);
    // household_size is a text question with inputType number: data, not a comment.
    expect(await countRows(t, "response_comments", "question = 'household_size'")).toBe(0);
  });

  it("the rebuild recomputes the same rows from the raw responses", async () => {
    const before = (await t.client.execute("select * from response_comments order by response_id, question")).rows;
    await t.client.execute("delete from response_comments");
    await rebuildComments(t.db, t.app.services.registry);
    const after = (await t.client.execute("select * from response_comments order by response_id, question")).rows;
    expect(after).toEqual(before);
    expect(after.length).toBeGreaterThanOrEqual(6);
  });

  it("the start's backfill fills a database whose responses predate the table, once", async () => {
    const before = await countRows(t, "response_comments");
    await t.client.execute("delete from response_comments");
    await t.client.execute({ sql: "delete from settings where key = ?", args: [COMMENTS_BACKFILLED_KEY] });
    expect(await backfillCommentsOnce(t.db, t.app.services.registry, new Date())).toBe(true);
    expect(await countRows(t, "response_comments")).toBe(before);
    expect(await backfillCommentsOnce(t.db, t.app.services.registry, new Date())).toBe(false);
  });
});
