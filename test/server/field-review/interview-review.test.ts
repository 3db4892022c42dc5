/**
 * Issue 16, part 4: a supervisor's review state on interviews. Transitions that make no sense are
 * refused with 422 and change nothing; 通过 / 退回 / 存疑 move the interview between the counted
 * and the left-out side of the rollups in the same transaction, both ways, and the rollups then
 * equal a rebuild from the raw responses; the counted setting moves every interview at once.
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rebuildRollups } from "../../../server/services/rollups/rollup-rebuild";
import { DEMO, eligibleAnswers, qrBody } from "../../helpers/fixtures";
import { createTestApp, type TestApp } from "../../helpers/test-app";

let t: TestApp;
let root: string;
let zhang: string;
let office: string;
let qjOffice: string;

beforeEach(async () => {
  t = await createTestApp({ env: { QR_RATE_LIMIT: "0", QR_BLOCK_LIMIT: "0" } });
  root = await t.login();
  zhang = await t.createUser(root, { username: "zhang", password: "pass-word-1", role: "interviewer", scope: DEMO.xinshancun });
  office = await t.createUser(root, { username: "jiedao", password: "pass-word-1", role: "office", scope: DEMO.xinshancun });
  qjOffice = await t.createUser(root, { username: "qj", password: "pass-word-1", role: "office", scope: DEMO.qijiang });
}, 60_000);
afterEach(() => t.close());

/** One completed interview by zhang, with its visit (household label). */
async function interview(household = "3-2-301"): Promise<string> {
  const id = randomUUID();
  const at = new Date(Date.now() - 60_000).toISOString();
  const body = {
    ...qrBody(""),
    token: undefined,
    id,
    channel: "interview",
    unitCode: DEMO.community,
    answers: eligibleAnswers(),
    completedAt: at,
  };
  expect((await t.request("/api/v1/responses", { method: "POST", cookie: zhang, json: body })).status).toBe(201);
  const visit = {
    id: randomUUID(),
    unitCode: DEMO.community,
    surveyId: "resident",
    household,
    outcome: "completed",
    responseId: id,
    visitedAt: at,
    deviceId: "tablet",
  };
  expect((await t.request("/api/v1/visits", { method: "POST", cookie: zhang, json: visit })).status).toBe(201);
  return id;
}

const setState = (id: string, json: unknown, cookie = office) =>
  t.request(`/api/v1/field-review/interviews/${id}/state`, { method: "POST", cookie, json });

async function respondents(unit: string = DEMO.community, channel = "interview"): Promise<number> {
  const res = await t.request(`/api/v1/rates?unit=${unit}&channel=${channel}`, { cookie: root });
  expect(res.status).toBe(200);
  return ((await res.json()) as { metrics: Record<string, { respondents: number }> }).metrics.awareness!.respondents;
}

async function rollups(): Promise<string> {
  return JSON.stringify((await t.client.execute("select * from rollups order by key")).rows);
}

/** The incremental rollups equal a rebuild from the raw responses. */
async function expectRebuildEqual(): Promise<void> {
  const before = await rollups();
  await rebuildRollups(t.db, t.app.services.registry);
  expect(await rollups()).toEqual(before);
}

async function everything(): Promise<string> {
  const q = async (sql: string) => JSON.stringify((await t.client.execute(sql)).rows);
  return [
    await rollups(),
    await q("select * from interview_reviews order by response_id"),
    await q("select id, flagged from responses order by id"),
    await q("select count(*) from audit_log"),
  ].join("\n");
}

describe("review state transitions", () => {
  it("refuses with 422 what makes no sense and changes nothing", async () => {
    const id = await interview();
    const qr = qrBody((await t.createPoster(root, DEMO.community, "resident")).token);
    expect((await t.request("/api/v1/responses", { method: "POST", json: qr })).status).toBe(201);
    const before = await everything();

    const refused: [string, unknown, string][] = [
      [id, { state: "pending" }, "invalid_request"],
      [id, { state: "returned" }, "reason_required"],
      [id, { state: "doubtful", reason: "   " }, "reason_required"],
      [qr.id, { state: "approved" }, "not_interview"],
    ];
    for (const [target, body, code] of refused) {
      const res = await setState(target, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    }
    expect((await setState(randomUUID(), { state: "approved" })).status).toBe(404);
    expect((await setState(id, { state: "approved" }, qjOffice)).status).toBe(403);
    expect((await setState(id, { state: "approved" }, zhang)).status).toBe(403);
    expect(await everything()).toEqual(before);

    expect((await setState(id, { state: "approved" })).status).toBe(200);
    const again = await setState(id, { state: "approved" });
    expect(again.status).toBe(422);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe("invalid_transition");
  });
});

describe("rates follow the review state", () => {
  it("a return leaves the interview out, an approval counts it again, each with its audit entry; rollups equal a rebuild", async () => {
    const [a, b] = [await interview("1-101"), await interview("1-102")];
    expect(await respondents()).toBe(2);
    const district = await respondents(DEMO.dadukou);

    const res = await setState(a, { state: "returned", reason: "录音与答案不符，请重访" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      review: { state: "returned", reason: "录音与答案不符，请重访", flagged: true, previous: "pending" },
    });
    expect(await respondents()).toBe(1);
    expect(await respondents(DEMO.dadukou)).toBe(district - 1);
    await expectRebuildEqual();

    expect((await setState(a, { state: "approved" })).status).toBe(200);
    expect(await respondents()).toBe(2);
    expect(await respondents(DEMO.dadukou)).toBe(district);
    await expectRebuildEqual();

    expect((await setState(b, { state: "doubtful", reason: "时长过短" })).status).toBe(200);
    expect(await respondents()).toBe(1);
    await expectRebuildEqual();

    const audit = (
      await t.client.execute(
        "select actor, target, scope_unit, before, after from audit_log where action = 'interviews.review' order by id",
      )
    ).rows;
    expect(audit.map((r) => [r.actor, r.target, r.scope_unit])).toEqual([
      ["jiedao", a, DEMO.community],
      ["jiedao", a, DEMO.community],
      ["jiedao", b, DEMO.community],
    ]);
    expect(JSON.parse(String(audit[0]!.before))).toMatchObject({ state: "pending", flagged: false });
    expect(JSON.parse(String(audit[0]!.after))).toMatchObject({ state: "returned", flagged: true });
  });

  it("an admin's include does not count an interview its supervisor returned; approving it then does", async () => {
    const id = await interview();
    expect((await setState(id, { state: "returned", reason: "请重访" })).status).toBe(200);
    const inc = await t.request(`/api/v1/admin/responses/${id}/review`, {
      method: "POST",
      cookie: root,
      json: { decision: "include", reason: "人工核实" },
    });
    expect(inc.status).toBe(200);
    expect(await inc.json()).toMatchObject({ flagged: true });
    expect(await respondents()).toBe(0);
    expect((await setState(id, { state: "approved" })).status).toBe(200);
    expect(await respondents()).toBe(1);
    const exc = await t.request(`/api/v1/admin/responses/${id}/review`, {
      method: "POST",
      cookie: root,
      json: { decision: "exclude", reason: "代填" },
    });
    expect(await exc.json()).toMatchObject({ flagged: true });
    expect(await respondents()).toBe(0);
    await expectRebuildEqual();
  });

  it("the counted setting moves every interview at once, both ways, audited; only a city admin changes it", async () => {
    const [a, , c] = [await interview("1"), await interview("2"), await interview("3")];
    expect((await setState(a, { state: "approved" })).status).toBe(200);
    expect((await setState(c, { state: "doubtful", reason: "存疑" })).status).toBe(200);
    expect(await respondents()).toBe(2);

    const put = (counted: string, cookie = root) =>
      t.request("/api/v1/field-review/settings", {
        method: "PUT",
        cookie,
        json: { counted, backCheckShare: 0.1, agreementThreshold: 0.8, minBackChecks: 3 },
      });
    const ddkAdmin = await t.createUser(root, { username: "ddk", password: "pass-word-1", role: "admin", scope: DEMO.dadukou });
    expect((await put("approved", ddkAdmin)).status).toBe(403);
    expect((await put("approved", office)).status).toBe(403);

    const onlyApproved = await put("approved");
    expect(onlyApproved.status).toBe(200);
    expect(await onlyApproved.json()).toMatchObject({ moved: 1, settings: { counted: "approved" } });
    expect(await respondents()).toBe(1);
    await expectRebuildEqual();
    // A new interview under 通过-only arrives out of the rates (待审核) and counts once approved.
    const late = await interview("4");
    expect(await respondents()).toBe(1);
    expect((await setState(late, { state: "approved" })).status).toBe(200);
    expect(await respondents()).toBe(2);
    await expectRebuildEqual();

    expect(await (await put("all")).json()).toMatchObject({ moved: 2 });
    expect(await respondents()).toBe(4);
    await expectRebuildEqual();

    expect(await (await put("approved_pending")).json()).toMatchObject({ moved: 1 });
    expect(await respondents()).toBe(3);
    await expectRebuildEqual();
    const entries = await t.client.execute("select count(*) as n from audit_log where action = 'settings.field_review'");
    expect(Number(entries.rows[0]!.n)).toBe(3);
    // The seed is kept for the draw, never shown.
    expect(await (await t.request("/api/v1/field-review/settings", { cookie: office })).json()).toEqual({
      counted: "approved_pending",
      backCheckShare: 0.1,
      agreementThreshold: 0.8,
      minBackChecks: 3,
    });
  });
});

describe("the queue and the tablet's returned list", () => {
  it("filters by state and masks household labels; the interviewer pulls only their own returned interviews with the reason", async () => {
    const a = await interview("5栋2单元301");
    await interview("5栋2单元302");
    const pending = (await (await t.request("/api/v1/field-review/interviews", { cookie: office })).json()) as {
      interviews: { id: string; state: string; household: string }[];
      masked: boolean;
    };
    expect(pending.interviews).toHaveLength(2);
    expect(pending.masked).toBe(true);
    expect(pending.interviews.every((i) => i.state === "pending" && !i.household.includes("301") && !i.household.includes("302"))).toBe(
      true,
    );

    expect(await t.request("/api/v1/field-review/returned", { cookie: zhang }).then((r) => r.json())).toEqual({ returned: [] });
    expect((await setState(a, { state: "returned", reason: "第3题请重新询问" })).status).toBe(200);

    const queue = await t.request("/api/v1/field-review/interviews?state=returned", { cookie: office }).then((r) => r.json());
    expect((queue as { interviews: { id: string }[] }).interviews.map((i) => i.id)).toEqual([a]);
    const returned = (await t.request("/api/v1/field-review/returned", { cookie: zhang }).then((r) => r.json())) as {
      returned: { id: string; reason: string; household: string; reviewedBy: string }[];
    };
    expect(returned.returned).toMatchObject([{ id: a, reason: "第3题请重新询问", household: "5栋2单元301", reviewedBy: "jiedao" }]);
    const other = await t.createUser(root, { username: "wang", password: "pass-word-1", role: "interviewer", scope: DEMO.xinshancun });
    expect(await t.request("/api/v1/field-review/returned", { cookie: other }).then((r) => r.json())).toEqual({ returned: [] });
  });
});
