/**
 * Issue 11, hole 3: an admin excludes (and counts again) any response in its scope, flagged or
 * not, one at a time or many with one reason; rates, rollups and the audit log follow in the
 * same transaction, and a batch that names one response outside the scope changes nothing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rebuildRollups } from "../../../server/services/rollups/rollup-rebuild";
import { countRows, DEMO, eligibleAnswers, qrBody } from "../../helpers/fixtures";
import { createTestApp, type TestApp } from "../../helpers/test-app";

let t: TestApp;
let root: string;
let ddkAdmin: string;
let token: string;
let qjToken: string;
beforeEach(async () => {
  t = await createTestApp({ env: { QR_RATE_LIMIT: "0", QR_BLOCK_LIMIT: "0" } });
  root = await t.login();
  ddkAdmin = await t.createUser(root, { username: "ddk-admin", password: "ddk-admin-pass-1", role: "admin", scope: DEMO.dadukou });
  token = (await t.createPoster(root, DEMO.community, "resident")).token;
  qjToken = (await t.createPoster(root, DEMO.qijiangCommunity, "resident")).token;
});
let dir: string | undefined;
afterEach(() => {
  t.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

async function submit(posterToken = token): Promise<string> {
  const body = qrBody(posterToken, { answers: eligibleAnswers() });
  const res = await t.request("/api/v1/responses", { method: "POST", json: body });
  expect(res.status).toBe(201);
  return body.id;
}

async function rates(
  unit: string = DEMO.community,
): Promise<{ metrics: Record<string, { respondents: number; answers: number; positive: number }> }> {
  const res = await t.request(`/api/v1/rates?unit=${unit}`, { cookie: root });
  expect(res.status).toBe(200);
  return res.json();
}
const respondents = async (unit?: string) => (await rates(unit)).metrics.awareness!.respondents;

/** Everything a review may change, to show a refused one changed nothing. */
async function state(): Promise<string> {
  const q = async (text: string) => JSON.stringify((await t.client.execute(text)).rows);
  return [
    await q("select * from rollups order by key"),
    await q("select id, flagged, flag_reason, review_decision, review_reason, reviewed_by from responses order by id"),
    await q("select count(*) from audit_log"),
  ].join("\n");
}

/** The incremental rollups equal a rebuild from the raw responses. */
async function expectRollupsConsistent(): Promise<void> {
  const before = JSON.stringify((await t.client.execute("select * from rollups order by key")).rows);
  await rebuildRollups(t.db, t.app.services.registry);
  expect(JSON.stringify((await t.client.execute("select * from rollups order by key")).rows)).toEqual(before);
}

const reviewOne = (id: string, decision: "include" | "exclude", reason: string, cookie = root) =>
  t.request(`/api/v1/admin/responses/${id}/review`, { method: "POST", cookie, json: { decision, reason } });
const reviewMany = (ids: string[], decision: "include" | "exclude", reason: string, cookie = root) =>
  t.request("/api/v1/admin/responses/review", { method: "POST", cookie, json: { ids, decision, reason } });

describe("excluding a response no check flagged", () => {
  it("lowers the counted respondents in the next /rates read, and counting it again restores them exactly", async () => {
    const ids = [await submit(), await submit(), await submit()];
    const before = await rates();
    const districtBefore = await respondents(DEMO.dadukou);
    expect(before.metrics.awareness!.respondents).toBe(3);

    const res = await reviewOne(ids[1]!, "exclude", "电话回访：此份为工作人员代填");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id: ids[1],
      flagged: true,
      flagReason: "manual",
      reviewDecision: "exclude",
      reviewedBy: "admin",
    });
    expect(await respondents()).toBe(2);
    expect(await respondents(DEMO.dadukou)).toBe(districtBefore - 1);
    await expectRollupsConsistent();

    // It is listed with the flagged ones (已排除), so it can be found and counted again.
    const excluded = await (await t.request("/api/v1/admin/flagged?status=excluded", { cookie: root })).json();
    expect(excluded.responses.map((r: { id: string; flagReasons: string[] }) => [r.id, r.flagReasons])).toEqual([[ids[1], ["manual"]]]);

    expect((await reviewOne(ids[1]!, "include", "复核后确认为居民本人填写")).status).toBe(200);
    expect(await rates()).toEqual(before);
    expect(await respondents(DEMO.dadukou)).toBe(districtBefore);
    await expectRollupsConsistent();

    const audit = (
      await t.client.execute("select actor, target, scope_unit, before, after from audit_log where action = 'responses.review' order by id")
    ).rows;
    expect(audit.map((a) => [a.actor, a.target, a.scope_unit])).toEqual([
      ["admin", ids[1], DEMO.community],
      ["admin", ids[1], DEMO.community],
    ]);
    expect(JSON.parse(String(audit[0]!.before))).toMatchObject({ flagged: false, flagReason: null, reviewDecision: null });
    expect(JSON.parse(String(audit[0]!.after))).toMatchObject({
      flagged: true,
      reviewDecision: "exclude",
      reviewReason: expect.stringContaining("代填"),
    });
  });

  it("keeps the old flag-only route as it was: an unflagged response there is 422 not_flagged", async () => {
    const id = await submit();
    const res = await t.request(`/api/v1/admin/flagged/${id}/review`, {
      method: "POST",
      cookie: root,
      json: { decision: "exclude", reason: "可疑" },
    });
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe("not_flagged");
    expect(await respondents()).toBe(1);
  });

  it("refuses a district admin a response of another district (403), unknown ids (404), a missing reason (422)", async () => {
    const outside = await submit(qjToken);
    const inside = await submit();
    const office = await t.createUser(root, { username: "o1", password: "office-pass-1", role: "office", scope: DEMO.dadukou });
    const snapshot = await state();
    expect((await reviewOne(outside, "exclude", "越权排除", ddkAdmin)).status).toBe(403);
    expect((await reviewOne(crypto.randomUUID(), "exclude", "不存在")).status).toBe(404);
    expect((await reviewOne("not-a-uuid", "exclude", "不存在")).status).toBe(404);
    expect((await reviewOne(inside, "exclude", " ")).status).toBe(422);
    expect((await reviewOne(inside, "exclude", "办公室无权审核", office)).status).toBe(403);
    expect(await state()).toEqual(snapshot);
    expect(await respondents(DEMO.qijiangCommunity)).toBe(1);
  });
});

describe("bulk review", () => {
  it("excludes many with one reason in one transaction, and includes them again", async () => {
    const ids = await Promise.all(Array.from({ length: 6 }, () => submit()));
    const before = await rates();
    const res = await reviewMany(ids.slice(0, 4), "exclude", "同一批次代填，已核实", ddkAdmin);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ decision: "exclude", reviewed: 4 });
    expect(body.responses.map((r: { id: string; flagged: boolean }) => [r.id, r.flagged])).toEqual(ids.slice(0, 4).map((id) => [id, true]));
    expect(await respondents()).toBe(2);
    await expectRollupsConsistent();
    expect(await countRows(t, "audit_log", `action = 'responses.review' and scope_unit = '${DEMO.community}'`)).toBe(4);

    expect((await reviewMany(ids.slice(0, 4), "include", "复核：均为居民本人", ddkAdmin)).status).toBe(200);
    expect(await rates()).toEqual(before);
    await expectRollupsConsistent();
  });

  it("is all or nothing: one id outside the caller's scope, or one unknown id, and nothing changes", async () => {
    const ids = await Promise.all(Array.from({ length: 3 }, () => submit()));
    const outside = await submit(qjToken);
    const snapshot = await state();

    const res = await reviewMany([...ids, outside], "exclude", "批量排除", ddkAdmin);
    expect(res.status).toBe(403);
    const error = (await res.json()).error;
    expect(error.code).toBe("forbidden");
    expect(error.issues.map((i: { message: string }) => i.message)).toEqual([outside]);
    expect(await state()).toEqual(snapshot);
    expect(await respondents()).toBe(3);
    expect(await respondents(DEMO.qijiangCommunity)).toBe(1);

    expect((await reviewMany([...ids, crypto.randomUUID()], "exclude", "批量排除", ddkAdmin)).status).toBe(404);
    expect(await state()).toEqual(snapshot);
  });

  it("refuses more than 500 ids, an empty list, and a bad id (422) before touching anything", async () => {
    const id = await submit();
    const snapshot = await state();
    const many = [id, ...Array.from({ length: 500 }, () => crypto.randomUUID())];
    for (const ids of [many, [], ["x"]]) {
      const res = await reviewMany(ids, "exclude", "批量排除");
      expect(res.status).toBe(422);
    }
    expect(await state()).toEqual(snapshot);
  });

  it("moves a response once however many reviews of it race", async () => {
    // On a file, as in production: each transaction has its own connection and waits for the lock.
    t.close();
    dir = mkdtempSync(join(tmpdir(), "cw-review-race-"));
    t = await createTestApp({ env: { QR_RATE_LIMIT: "0", QR_BLOCK_LIMIT: "0" }, databaseUrl: `file:${join(dir, "race.db")}` });
    root = await t.login();
    token = (await t.createPoster(root, DEMO.community, "resident")).token;
    const ids = await Promise.all(Array.from({ length: 4 }, () => submit()));
    const results = await Promise.all([
      ...ids.map((id) => reviewOne(id, "exclude", "并发排除")),
      reviewMany(ids, "exclude", "并发批量排除"),
      reviewMany(ids.slice(0, 2), "exclude", "并发批量排除"),
    ]);
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(200));
    expect(await respondents()).toBe(0);
    expect(await countRows(t, "audit_log", "action = 'responses.review'")).toBe(4 + 4 + 2);
    // QR submissions racing reviews: both commit, neither is counted twice.
    const more = await Promise.all([
      submit(),
      reviewMany(ids.slice(1), "include", "并发纳入"),
      submit(),
      reviewOne(ids[0]!, "exclude", "并发排除"),
      submit(),
    ]);
    expect(more.filter((r) => typeof r !== "string").map((r) => (r as Response).status)).toEqual([200, 200]);
    expect(await respondents()).toBe(3 + 3);
    await expectRollupsConsistent();
  });
});

describe("finding a response to exclude", () => {
  it("searches any response in scope by id, day and unit; never outside the scope", async () => {
    const mine = await submit();
    const theirs = await submit(qjToken);
    const day = String((await t.client.execute({ sql: "select day from responses where id = ?", args: [mine] })).rows[0]!.day);

    const byId = await (await t.request(`/api/v1/admin/responses?id=${mine.slice(0, 8)}`, { cookie: ddkAdmin })).json();
    expect(byId.responses.map((r: { id: string; flagged: boolean; flagReasons: string[] }) => [r.id, r.flagged, r.flagReasons])).toEqual([
      [mine, false, []],
    ]);

    const byDay = await (await t.request(`/api/v1/admin/responses?day=${day}`, { cookie: ddkAdmin })).json();
    expect(byDay.responses.map((r: { id: string }) => r.id)).toEqual([mine]);
    const rootByDay = await (await t.request(`/api/v1/admin/responses?day=${day}&unit=${DEMO.qijiang}`, { cookie: root })).json();
    expect(rootByDay.responses.map((r: { id: string }) => r.id)).toEqual([theirs]);

    // A device id typed as a person reads it (upper case, fullwidth) finds the normalised stored one.
    const device = String(
      (await t.client.execute({ sql: "select device_id from responses where id = ?", args: [mine] })).rows[0]!.device_id,
    );
    const typed = encodeURIComponent(device.toUpperCase());
    const byDevice = await (await t.request(`/api/v1/admin/responses?deviceId=${typed}`, { cookie: ddkAdmin })).json();
    expect(byDevice.responses.map((r: { id: string }) => r.id)).toEqual([mine]);

    expect((await (await t.request(`/api/v1/admin/responses?id=${theirs}`, { cookie: ddkAdmin })).json()).responses).toEqual([]);
    expect((await t.request(`/api/v1/admin/responses?day=${day}&unit=${DEMO.qijiang}`, { cookie: ddkAdmin })).status).toBe(403);
    // No id, day or device: it would scan, so it is refused.
    expect((await t.request(`/api/v1/admin/responses?unit=${DEMO.community}`, { cookie: ddkAdmin })).status).toBe(422);
  });
});
