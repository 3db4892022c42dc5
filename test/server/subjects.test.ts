/**
 * Data subject requests (issue 19): GET /admin/subjects finds everything linked to a device id or
 * a household label inside the admin's scope; POST /admin/subjects/export hands it out as JSON or
 * XLSX with an audit entry; POST /admin/subjects/anonymise replaces it with pseudonyms in one
 * audited transaction while every figure stays byte-identical, and a second call finds nothing.
 */
import { randomUUID } from "node:crypto";
import { readSheet } from "read-excel-file/node";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ANONYMISED_TEXT } from "../../server/contracts/subjects";
import { rebuildComments } from "../../server/services/comments/comment-rebuild";
import { devicePseudonym, householdPseudonym } from "../../server/services/privacy/pseudonym";
import { rebuildRollups } from "../../server/services/rollups/rollup-rebuild";
import { createSurveyRegistry } from "../../server/services/surveys/survey-registry";
import { DEMO, eligibleAnswers, qrBody } from "../helpers/fixtures";
import { createTestApp, manualClock, type TestApp } from "../helpers/test-app";

/** As the tablet sends it; the login form sends the same id, so a remembered sign-in can be found too. */
const TABLET = "Tablet-0123456789";
const HOUSE = "3栋2单元401";
const PHONE = "13812348000";

let t: TestApp;
let root: string;
let ddkAdmin: string;
let qjAdmin: string;
let interviewer: string;
let version: number;
const clock = manualClock(new Date("2026-11-20T01:00:00Z"));

const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 3, minute)).toISOString();

async function interviewResponse(deviceId: string, minute: number, unitCode: string = DEMO.community) {
  const id = randomUUID();
  const answers = { ...eligibleAnswers(), suggestions: `希望多种树，联系我 ${PHONE}`, household_size: 3 };
  const res = await t.request("/api/v1/responses", {
    method: "POST",
    cookie: interviewer,
    json: {
      id,
      surveyId: "resident",
      surveyVersion: version,
      channel: "interview",
      answers,
      startedAt: at(minute),
      completedAt: at(minute + 8),
      deviceId,
      unitCode,
    },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return id;
}

async function visit(
  household: string,
  deviceId: string,
  minute: number,
  responseId: string | null,
  unitCode: string = DEMO.community,
  cookie = interviewer,
) {
  const res = await t.request("/api/v1/visits", {
    method: "POST",
    cookie,
    json: {
      id: randomUUID(),
      unitCode,
      surveyId: "resident",
      household,
      outcome: responseId ? "completed" : "not_home",
      ...(responseId ? { responseId } : {}),
      visitedAt: at(minute),
      deviceId,
      latitude: 29.484712,
      longitude: 106.455123,
      accuracyM: 9,
    },
  });
  expect(res.status, await res.clone().text()).toBe(201);
}

beforeEach(async () => {
  t = await createTestApp({ clock, env: { QR_RATE_LIMIT: "0", QR_BLOCK_LIMIT: "0" } });
  clock.set(new Date("2026-11-20T06:00:00Z"));
  root = await t.login();
  ddkAdmin = await t.createUser(root, { username: "ddk-admin", password: "ddk-admin-pass-1", role: "admin", scope: DEMO.dadukou });
  qjAdmin = await t.createUser(root, { username: "qj-admin", password: "qj-admin-pass-1", role: "admin", scope: DEMO.qijiang });
  interviewer = await t.createUser(root, { username: "zhang", password: "pass-word-1", role: "interviewer", scope: DEMO.dadukou });
  version = ((await (await t.request("/api/v1/surveys/resident")).json()) as { version: number }).version;

  // The tablet: two interviews (one per household), a not-home knock, a heartbeat, a sign-in.
  const r1 = await interviewResponse(TABLET, 0);
  const r2 = await interviewResponse(TABLET, 20);
  await visit(HOUSE, TABLET, 0, r1);
  await visit("5栋101", TABLET, 20, r2);
  await visit("6栋302", TABLET, 40, null);
  // The same household knocked again from another tablet (not this tablet's data, but the household's).
  await visit(HOUSE, "tablet-other", 45, null);
  const rOther = await interviewResponse("tablet-other", 50);
  await visit("7栋1", "tablet-other", 50, rOther);
  // The same label in 綦江区: outside the 大渡口 admin's scope.
  const qjInterviewer = await t.createUser(root, { username: "wang", password: "pass-word-2", role: "interviewer", scope: DEMO.qijiang });
  await visit(HOUSE, "tablet-qj", 30, null, DEMO.qijiangCommunity, qjInterviewer);
  expect(
    (
      await t.request("/api/v1/devices/heartbeat", {
        method: "POST",
        cookie: interviewer,
        json: { deviceId: TABLET, pending: 2, needsAttention: 1, appVersion: "1.0" },
      })
    ).status,
  ).toBeLessThan(300);
  const signIn = await t.request("/api/v1/auth/login", {
    method: "POST",
    json: { username: "zhang", password: "pass-word-1", deviceId: TABLET },
  });
  expect(signIn.status).toBe(200);
  // QR answers from a phone: the other kind of device id.
  const poster = await t.createPoster(root, DEMO.community, "resident");
  for (let i = 0; i < 2; i++) {
    const body = qrBody(poster.token, { deviceId: "phone-1", answers: { ...eligibleAnswers(), suggestions: `第${i}条：路灯坏了` } });
    expect((await t.request("/api/v1/responses", { method: "POST", json: body })).status).toBe(201);
  }
});
afterEach(() => t.close());

type Report = {
  kind: string;
  counts: Record<string, number>;
  retained: Record<string, number>;
  responses: { id: string; deviceId: string; freeText: { key: string; text: string }[] }[];
  visits: { household: string; deviceId: string; latitude: number | null; unitCode: string }[];
  devices: { deviceId: string; username: string }[];
  comments: { text: string }[];
  loginSources: { username: string }[];
};

async function find(query: string, cookie = ddkAdmin) {
  const res = await t.request(`/api/v1/admin/subjects?${query}`, { cookie });
  return { status: res.status, body: (await res.json()) as Report };
}

/** Every figure a dashboard, a report or the field-progress page shows, and the rollup rows themselves, as text. */
async function figures(): Promise<string[]> {
  const paths = [
    `/api/v1/rates?unit=${DEMO.city}`,
    `/api/v1/rates?unit=${DEMO.dadukou}&includeFlagged=true`,
    `/api/v1/rates?unit=${DEMO.xinshancun}&audience=resident`,
    `/api/v1/rates/trend?unit=${DEMO.dadukou}`,
    `/api/v1/rates/ranking?unit=${DEMO.xinshancun}&metric=satisfaction`,
    `/api/v1/rates/distributions?unit=${DEMO.dadukou}&audience=resident`,
    `/api/v1/field-progress/units?unit=${DEMO.xinshancun}`,
    `/api/v1/field-progress/interviewers?unit=${DEMO.dadukou}`,
  ];
  const out: string[] = [];
  for (const path of paths) {
    const res = await t.request(path, { cookie: root });
    expect(res.status, path).toBe(200);
    out.push(`${path}\n${res.headers.get("etag") ?? ""}\n${await res.text()}`);
  }
  // The device list names the device, which is the point: every figure in it stays, the id does not.
  const devices = await t.request(`/api/v1/field-progress/devices?unit=${DEMO.dadukou}`, { cookie: root });
  const rows = ((await devices.json()) as { rows: Record<string, unknown>[] }).rows;
  out.push(JSON.stringify(rows.map(({ deviceId: _, ...figures }) => figures)));
  const rollups = await t.client.execute("select * from rollups order by key");
  out.push(JSON.stringify(rollups.rows));
  return out;
}

describe("GET /admin/subjects", () => {
  it("finds a device's responses, visits, heartbeats, comments and sign-ins, with a typed id in any case", async () => {
    const { status, body } = await find(`deviceId=${encodeURIComponent(" tablet-0123456789 ")}`);
    expect(status).toBe(200);
    expect(body.kind).toBe("device");
    expect(body.counts).toEqual({ responses: 2, visits: 3, devices: 1, comments: 2, loginSources: 0 });
    // The sign-in is stored as a keyed hash of the id exactly as the login form sent it.
    expect((await find(`deviceId=${TABLET}`)).body.counts.loginSources).toBe(1);
    expect(body.devices.map((d) => d.username)).toEqual(["zhang"]);
    expect(body.responses[0]!.freeText).toContainEqual({ key: "suggestions", text: `希望多种树，联系我 ${PHONE}` });
    // household_size is a number input: data, not free text.
    expect(body.responses[0]!.freeText.map((f) => f.key)).not.toContain("household_size");
  });

  it("finds a household's visits (exact label, any tablet) and the responses they produced", async () => {
    const { body } = await find(`household=${encodeURIComponent(HOUSE)}`);
    expect(body.kind).toBe("household");
    expect(body.counts).toMatchObject({ responses: 1, visits: 2, devices: 0, comments: 1, loginSources: 0 });
    expect(body.visits.map((v) => v.deviceId).sort()).toEqual([TABLET, "tablet-other"]);
    expect((await find(`household=${encodeURIComponent("3栋2单元40")}`)).body.counts.visits).toBe(0);
    // A unit narrows it; the root admin sees the 綦江 visit too.
    expect((await find(`household=${encodeURIComponent(HOUSE)}&unit=${DEMO.community2}`)).body.counts.visits).toBe(0);
    expect((await find(`household=${encodeURIComponent(HOUSE)}`, root)).body.counts.visits).toBe(3);
  });

  it("finds nothing outside the admin's scope, and refuses a unit outside it", async () => {
    const device = await find(`deviceId=${TABLET}`, qjAdmin);
    expect(device.status).toBe(200);
    expect(device.body.counts).toEqual({ responses: 0, visits: 0, devices: 0, comments: 0, loginSources: 0 });
    expect((await find("deviceId=phone-1", qjAdmin)).body.counts.responses).toBe(0);
    const house = await find(`household=${encodeURIComponent(HOUSE)}`, qjAdmin);
    expect(house.body.counts.visits).toBe(1);
    expect(house.body.visits[0]!.unitCode).toBe(DEMO.qijiangCommunity);
    expect((await find(`household=x&unit=${DEMO.dadukou}`, qjAdmin)).status).toBe(403);
    expect((await find("household=x&unit=999999999999")).status).toBe(404);
  });

  it("refuses a request without exactly one of deviceId and household (422)", async () => {
    expect((await find("")).status).toBe(422);
    expect((await find(`deviceId=a&household=b`)).status).toBe(422);
    expect((await find("deviceId=%20")).status).toBe(422);
    expect((await find(`deviceId=${"x".repeat(129)}`)).status).toBe(422);
  });
});

describe("POST /admin/subjects/export", () => {
  it("hands out everything found as JSON, with an audit entry naming who, why and the counts but not the id", async () => {
    const res = await t.request("/api/v1/admin/subjects/export", {
      method: "POST",
      cookie: ddkAdmin,
      json: { deviceId: TABLET, format: "json", reason: "本人申请查阅" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("attachment");
    const file = (await res.json()) as Report & { generatedBy: string; reason: string; responses: { answers: Record<string, unknown> }[] };
    expect(file.generatedBy).toBe("ddk-admin");
    expect(file.reason).toBe("本人申请查阅");
    expect(file.counts.responses).toBe(2);
    expect(file.responses[0]!.answers.suggestions).toBe(`希望多种树，联系我 ${PHONE}`);
    expect(file.visits[0]!.latitude).toBe(29.484712);
    const audit = await t.client.execute("select actor, target, after, scope_unit from audit_log where action = 'subjects.export'");
    expect(audit.rows).toHaveLength(1);
    const row = audit.rows[0]!;
    expect(row.actor).toBe("ddk-admin");
    expect(row.scope_unit).toBe(DEMO.dadukou);
    expect(row.target).toBe(`device:${await devicePseudonym(t.boot.secret, TABLET.toLowerCase())}`);
    expect(JSON.parse(String(row.after))).toEqual({
      reason: "本人申请查阅",
      format: "json",
      kind: "device",
      unit: null,
      counts: { responses: 2, visits: 3, devices: 1, comments: 2, loginSources: 1 },
    });
    expect(JSON.stringify(audit.rows)).not.toMatch(/tablet-0123456789/i);
  });

  it("writes an XLSX with one sheet per kind holding the same records", async () => {
    const res = await t.request("/api/v1/admin/subjects/export", {
      method: "POST",
      cookie: ddkAdmin,
      json: { household: HOUSE, format: "xlsx", reason: "住户来电要求查阅" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    const bytes = Buffer.from(await res.arrayBuffer());
    const visits = await readSheet(bytes, "入户记录");
    expect(visits[0]![3]).toBe("户号");
    expect(visits.slice(1).map((r) => r[3])).toEqual([HOUSE, HOUSE]);
    const answers = await readSheet(bytes, "答卷");
    expect(answers).toHaveLength(2);
    const comments = await readSheet(bytes, "意见建议");
    expect(comments[1]![2]).toBe(`希望多种树，联系我 ${PHONE}`);
    const meta = await readSheet(bytes, "说明");
    expect(meta.map((r) => r[0])).toContain("理由");
  });

  it("refuses without a reason (422) and writes no audit entry", async () => {
    const res = await t.request("/api/v1/admin/subjects/export", {
      method: "POST",
      cookie: ddkAdmin,
      json: { deviceId: TABLET, format: "json" },
    });
    expect(res.status).toBe(422);
    const blank = await t.request("/api/v1/admin/subjects/export", {
      method: "POST",
      cookie: ddkAdmin,
      json: { deviceId: TABLET, reason: " " },
    });
    expect(blank.status).toBe(422);
    expect((await t.client.execute("select count(*) as n from audit_log where action like 'subjects.%'")).rows[0]!.n).toBe(0);
  });
});

describe("POST /admin/subjects/anonymise", () => {
  const anonymise = (json: unknown, cookie = ddkAdmin) => t.request("/api/v1/admin/subjects/anonymise", { method: "POST", cookie, json });

  it("replaces a device's id, GPS and words while every figure stays byte-identical, and a second call finds nothing", async () => {
    const before = await figures();
    expect(before.at(-1)).not.toBe("[]");
    const res = await anonymise({ deviceId: TABLET, reason: "本人申请删除" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ kind: "device", counts: { responses: 2, visits: 3, devices: 1, comments: 2, loginSources: 1 } });
    expect(await figures()).toEqual(before);

    const pseudonym = await devicePseudonym(t.boot.secret, TABLET.toLowerCase());
    const stored = await t.client.execute(`select device_id, answers, content_hash from responses where device_id = '${pseudonym}'`);
    expect(stored.rows).toHaveLength(2);
    for (const r of stored.rows) {
      const answers = JSON.parse(String(r.answers)) as Record<string, unknown>;
      expect(answers.suggestions).toBe(ANONYMISED_TEXT);
      expect(answers.household_size).toBe(3);
      expect(String(r.content_hash)).toMatch(/^anon:/);
    }
    const visits = await t.client.execute(`select household, latitude, longitude, accuracy_m from visits where device_id like 'anon-%'`);
    expect(visits.rows).toHaveLength(3);
    // The households visited are other people's: their labels stay (and so does every household count).
    expect(visits.rows.map((v) => v.household).sort()).toEqual([HOUSE, "5栋101", "6栋302"].sort());
    expect(visits.rows.every((v) => v.latitude === null && v.longitude === null && v.accuracy_m === null)).toBe(true);
    expect((await t.client.execute("select device_id from devices")).rows.map((r) => r.device_id)).toEqual([pseudonym]);
    const texts = await t.client.execute("select text from response_comments");
    expect(texts.rows.filter((r) => r.text === ANONYMISED_TEXT)).toHaveLength(2);
    expect(JSON.stringify(stored.rows)).not.toContain(PHONE);

    const again = await find(`deviceId=${TABLET}`);
    expect(again.body.counts).toEqual({ responses: 0, visits: 0, devices: 0, comments: 0, loginSources: 0 });
    const second = await anonymise({ deviceId: TABLET, reason: "再次确认" });
    expect(((await second.json()) as { counts: Record<string, number> }).counts.responses).toBe(0);
    expect(await figures()).toEqual(before);

    const audit = await t.client.execute(
      "select actor, target, after, scope_unit from audit_log where action = 'subjects.anonymise' order by id",
    );
    expect(audit.rows).toHaveLength(2);
    expect(audit.rows[0]!.target).toBe(`device:${await devicePseudonym(t.boot.secret, TABLET.toLowerCase())}`);
    expect(JSON.parse(String(audit.rows[0]!.after))).toMatchObject({ reason: "本人申请删除", kind: "device", counts: { visits: 3 } });
    expect(audit.rows[0]!.scope_unit).toBe(DEMO.dadukou);

    // Rollups and comments stay derivable: rebuilt from the anonymised responses, they are what they were.
    const comments = async () =>
      JSON.stringify((await t.client.execute("select * from response_comments order by response_id, question")).rows);
    const storedComments = await comments();
    const registry = createSurveyRegistry(t.db, clock);
    // Loaded first: the rebuild holds the in-memory database's one connection while it reads the registry.
    await registry.get("resident", version);
    await rebuildRollups(t.db, registry);
    await rebuildComments(t.db, registry, { replace: true });
    expect(await figures()).toEqual(before);
    expect(await comments()).toBe(storedComments);
  });

  it("replaces a household's label per unit, nulls its GPS and masks its answers' words, figures unchanged", async () => {
    const before = await figures();
    const res = await anonymise({ household: HOUSE, unit: DEMO.community, reason: "住户要求删除" });
    expect(await res.json()).toEqual({ kind: "household", counts: { responses: 1, visits: 2, devices: 0, comments: 1, loginSources: 0 } });
    expect(await figures()).toEqual(before);
    const label = await householdPseudonym(t.boot.secret, DEMO.community, HOUSE);
    const visits = await t.client.execute(`select device_id, latitude from visits where household = '${label}'`);
    expect(visits.rows.map((v) => v.device_id).sort()).toEqual([TABLET, "tablet-other"]);
    expect(visits.rows.every((v) => v.latitude === null)).toBe(true);
    // The label in 綦江区 is not in this request's unit: untouched.
    expect((await find(`household=${encodeURIComponent(HOUSE)}`, root)).body.counts.visits).toBe(1);
    expect((await find(`household=${encodeURIComponent(HOUSE)}&unit=${DEMO.community}`)).body.counts).toEqual({
      responses: 0,
      visits: 0,
      devices: 0,
      comments: 0,
      loginSources: 0,
    });
    // The tablet's other interview keeps its words: only the household's were asked for.
    const tablet = await find(`deviceId=${TABLET}`);
    expect(tablet.body.comments.map((c) => c.text).sort()).toEqual([ANONYMISED_TEXT, `希望多种树，联系我 ${PHONE}`].sort());
  });

  it("changes nothing outside the scope or on a refusal", async () => {
    const rows = async () => JSON.stringify((await t.client.execute("select * from visits order by id")).rows);
    const before = await rows();
    const out = await anonymise({ deviceId: TABLET, reason: "越权尝试" }, qjAdmin);
    expect(((await out.json()) as { counts: Record<string, number> }).counts.visits).toBe(0);
    expect((await anonymise({ deviceId: TABLET, unit: DEMO.dadukou, reason: "越权尝试" }, qjAdmin)).status).toBe(403);
    expect((await anonymise({ deviceId: TABLET }, ddkAdmin)).status).toBe(422);
    expect((await anonymise({ deviceId: TABLET, reason: "x" }, ddkAdmin)).status).toBe(422);
    expect((await anonymise({ deviceId: TABLET, reason: "理由" }, interviewer)).status).toBe(403);
    expect(await rows()).toBe(before);
  });
});
