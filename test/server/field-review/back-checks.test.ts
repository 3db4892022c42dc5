/**
 * Issue 16, part 5 through the API: a draw per interviewer, a back-check by another team member
 * (never the interviewer), the server's comparison and the agreement per interviewer; agreement
 * under the threshold marks the interviewer's other unreviewed interviews 存疑, which moves the
 * rates in the same transaction (and the rollups still equal a rebuild).
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rebuildRollups } from "../../../server/services/rollups/rollup-rebuild";
import { DEMO, eligibleAnswers, qrBody } from "../../helpers/fixtures";
import { createTestApp, type TestApp } from "../../helpers/test-app";

let t: TestApp;
let root: string;
let office: string;
const tablets: Record<string, string> = {};

beforeEach(async () => {
  t = await createTestApp({ env: { QR_RATE_LIMIT: "0", QR_BLOCK_LIMIT: "0" } });
  root = await t.login();
  for (const name of ["zhang", "li"]) {
    tablets[name] = await t.createUser(root, { username: name, password: "pass-word-1", role: "interviewer", scope: DEMO.xinshancun });
  }
  office = await t.createUser(root, { username: "jiedao", password: "pass-word-1", role: "office", scope: DEMO.xinshancun });
  const put = await t.request("/api/v1/field-review/settings", {
    method: "PUT",
    cookie: root,
    json: { counted: "approved_pending", backCheckShare: 0.25, agreementThreshold: 0.8, minBackChecks: 1 },
  });
  expect(put.status).toBe(200);
}, 60_000);
afterEach(() => t.close());

async function interview(who: string): Promise<string> {
  const id = randomUUID();
  const body = { ...qrBody(""), token: undefined, id, channel: "interview", unitCode: DEMO.community, answers: eligibleAnswers() };
  expect((await t.request("/api/v1/responses", { method: "POST", cookie: tablets[who], json: body })).status).toBe(201);
  return id;
}

async function respondents(): Promise<number> {
  const res = await t.request(`/api/v1/rates?unit=${DEMO.community}&channel=interview`, { cookie: root });
  return ((await res.json()) as { metrics: Record<string, { respondents: number }> }).metrics.awareness!.respondents;
}

type Check = { id: string; interviewer: string; mayCheck: boolean; questions: { name: string; choices: { value: unknown }[] }[] };
const list = async (cookie: string): Promise<Check[]> =>
  ((await (await t.request("/api/v1/field-review/back-checks", { cookie })).json()) as { backChecks: Check[] }).backChecks;

describe("back-checks", () => {
  it("draws ⌈share × n⌉ per interviewer, once; another member checks blind; low agreement marks the rest 存疑", async () => {
    const zhangIds: string[] = [];
    for (let i = 0; i < 6; i++) zhangIds.push(await interview("zhang"));
    const liIds = [await interview("li"), await interview("li")];
    expect(await respondents()).toBe(8);

    const draw = await t.request("/api/v1/field-review/back-checks/draw", { method: "POST", cookie: office, json: {} });
    expect(draw.status).toBe(200);
    const drawn = ((await draw.json()) as { candidates: number; drawn: string[] }).drawn;
    // ⌈0.25 × 6⌉ = 2 of zhang's, ⌈0.25 × 2⌉ = 1 of li's.
    expect(drawn.filter((id) => zhangIds.includes(id))).toHaveLength(2);
    expect(drawn.filter((id) => liIds.includes(id))).toHaveLength(1);
    const again = await t.request("/api/v1/field-review/back-checks/draw", { method: "POST", cookie: office, json: {} });
    expect(((await again.json()) as { drawn: string[] }).drawn).toEqual([]);

    const checks = await list(tablets.li!);
    const zhangCheck = checks.find((c) => c.interviewer === "zhang")!;
    expect(zhangCheck.mayCheck).toBe(true);
    expect(zhangCheck.questions.length).toBeGreaterThan(0);
    expect(JSON.stringify(checks)).not.toContain('"answers"');
    expect((await list(tablets.zhang!)).find((c) => c.id === zhangCheck.id)!.mayCheck).toBe(false);

    const original = JSON.parse(
      String((await t.client.execute({ sql: "select answers from responses where id = ?", args: [zhangCheck.id] })).rows[0]!.answers),
    ) as Record<string, unknown>;
    // Every answer heard differently from the original: agreement 0.
    const wrong = Object.fromEntries(
      zhangCheck.questions.map((q) => [
        q.name,
        q.choices.map((c) => c.value).find((v) => JSON.stringify(v) !== JSON.stringify(original[q.name])),
      ]),
    );
    const submit = (cookie: string, answers: unknown) =>
      t.request(`/api/v1/field-review/back-checks/${zhangCheck.id}`, { method: "POST", cookie, json: { mode: "phone", answers } });
    expect((await submit(tablets.zhang!, wrong)).status).toBe(403);
    const bad = await submit(tablets.li!, { not_a_question: "x" });
    expect(bad.status).toBe(422);
    expect((await submit(tablets.li!, {})).status).toBe(422);

    const res = await submit(tablets.li!, wrong);
    expect(res.status).toBe(200);
    const result = (await res.json()) as { matched: number; compared: number; agreement: number; markedDoubtful: number };
    expect(result).toMatchObject({ matched: 0, compared: zhangCheck.questions.length, agreement: 0 });
    // zhang's other 5 interviews (the checked one aside) become 存疑 and leave the rates; li's stay.
    expect(result.markedDoubtful).toBe(5);
    expect(await respondents()).toBe(3);
    expect((await submit(tablets.li!, wrong)).status).toBe(409);

    const agreement = (await (await t.request("/api/v1/field-review/agreement", { cookie: office })).json()) as {
      interviewers: { interviewer: string; drawn: number; done: number; agreement: number | null; low: boolean }[];
    };
    expect(agreement.interviewers).toEqual([
      { interviewer: "li", drawn: 1, done: 0, matched: 0, compared: 0, agreement: null, low: false },
      { interviewer: "zhang", drawn: 2, done: 1, matched: 0, compared: zhangCheck.questions.length, agreement: 0, low: true },
    ]);
    const doubtful = await t.client.execute(
      "select count(*) as n from interview_reviews where state = 'doubtful' and reviewed_by = 'back-check'",
    );
    expect(Number(doubtful.rows[0]!.n)).toBe(5);
    const audited = await t.client.execute("select count(*) as n from audit_log where action = 'interviews.review' and actor = 'li'");
    expect(Number(audited.rows[0]!.n)).toBe(5);

    const before = JSON.stringify((await t.client.execute("select * from rollups order by key")).rows);
    await rebuildRollups(t.db, t.app.services.registry);
    expect(JSON.stringify((await t.client.execute("select * from rollups order by key")).rows)).toEqual(before);
  });

  it("an agreeing back-check flags nothing", async () => {
    for (let i = 0; i < 3; i++) await interview("zhang");
    await t.request("/api/v1/field-review/back-checks/draw", { method: "POST", cookie: office, json: {} });
    const [check] = await list(office);
    const original = JSON.parse(
      String((await t.client.execute({ sql: "select answers from responses where id = ?", args: [check!.id] })).rows[0]!.answers),
    ) as Record<string, unknown>;
    const same = Object.fromEntries(check!.questions.map((q) => [q.name, original[q.name]]));
    const res = await t.request(`/api/v1/field-review/back-checks/${check!.id}`, {
      method: "POST",
      cookie: office,
      json: { mode: "visit", answers: same },
    });
    expect(await res.json()).toMatchObject({ agreement: 1, markedDoubtful: 0 });
    expect(await respondents()).toBe(3);
  });
});
