/**
 * The retention job (issue 19): on a database with records from an earlier campaign year and
 * this one, it replaces exactly the due GPS fixes and household labels, leaves every figure the
 * dashboards and exports show byte-identical, never touches responses or rollups, is idempotent,
 * and logs each run. Settings: validated, admin only, audited.
 */
import { randomUUID } from "node:crypto";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { METRICS } from "../../surveys/metrics";
import { runRetentionPass } from "../../server/services/privacy/retention-job";
import { householdPseudonym } from "../../server/services/privacy/pseudonym";
import { DEMO, qrBody } from "../helpers/fixtures";
import { createTestApp, manualClock, type TestApp } from "../helpers/test-app";

const SUB = DEMO.xinshancun;
const C1 = DEMO.community;
const C2 = DEMO.community2;

const clock = manualClock(new Date("2025-03-01T02:00:00Z"));
let t: TestApp;
let admin: string;
let secret: string;

interface Seed {
  unit: string;
  household: string;
  outcome: "completed" | "refused" | "not_home" | "vacant";
  at: string;
  gps?: [number, number, number | null];
}

/** 2025 is last campaign year (due on 2026-11-20 with the default 180 days after its end); 2026 is this one. */
const OLD: Seed[] = [
  { unit: C1, household: "1栋101", outcome: "completed", at: "2025-03-02T03:00:00Z", gps: [29.48512, 106.48467, 12] },
  { unit: C1, household: "1栋102", outcome: "not_home", at: "2025-03-02T03:10:00Z", gps: [29.48544, 106.48401, null] },
  { unit: C1, household: "1栋102", outcome: "refused", at: "2025-03-05T04:00:00Z" },
  // The same label in another community is another household: it must stay another one.
  { unit: C2, household: "1栋101", outcome: "completed", at: "2025-03-03T05:00:00Z", gps: [29.47111, 106.47999, 30] },
  // Visited last year and again this year: its latest visit is not due, so none of its visits is.
  { unit: C2, household: "5栋1单元", outcome: "not_home", at: "2025-03-04T06:00:00Z", gps: [29.46, 106.47, 8] },
  { unit: C2, household: "5栋1单元", outcome: "vacant", at: "2025-12-31T15:30:00Z" },
];
const NEW: Seed[] = [
  { unit: C1, household: "2栋201", outcome: "completed", at: "2026-11-18T03:00:00Z", gps: [29.48333, 106.48222, 6] },
  { unit: C2, household: "5栋1单元", outcome: "completed", at: "2026-11-19T03:00:00Z", gps: [29.46012, 106.47034, 9] },
  { unit: C1, household: "2栋202", outcome: "refused", at: "2026-11-19T04:00:00Z" },
];

async function record(cookie: string, s: Seed) {
  let responseId: string | undefined;
  if (s.outcome === "completed") {
    responseId = randomUUID();
    const completed = new Date(s.at);
    const body = {
      ...qrBody(""),
      token: undefined,
      id: responseId,
      channel: "interview",
      unitCode: s.unit,
      deviceId: "tablet-1",
      startedAt: new Date(completed.getTime() - 10 * 60_000).toISOString(),
      completedAt: s.at,
    };
    const res = await t.request("/api/v1/responses", { method: "POST", cookie, json: body });
    expect(res.status, await res.clone().text()).toBe(201);
  }
  const [latitude, longitude, accuracyM] = s.gps ?? [undefined, undefined, undefined];
  const res = await t.request("/api/v1/visits", {
    method: "POST",
    cookie,
    json: {
      id: randomUUID(),
      unitCode: s.unit,
      surveyId: "resident",
      household: s.household,
      outcome: s.outcome,
      responseId,
      visitedAt: s.at,
      deviceId: "tablet-1",
      ...(s.gps ? { latitude, longitude, accuracyM } : {}),
    },
  });
  expect(res.status, await res.clone().text()).toBe(201);
}

/** QR answers at a poster of C1, so the rates, trend and exports hold both channels and a flagged response. */
async function qrResponses(cookie: string, n: number) {
  const poster = await t.createPoster(cookie, C1, "resident");
  const device = `device-${randomUUID()}`;
  for (let i = 0; i < n; i++) {
    const now = clock.now();
    const body = qrBody(poster.token, {
      // The same device twice: the second is flagged (same_device), so includeFlagged matters.
      deviceId: i < 2 ? device : `device-${randomUUID()}`,
      startedAt: new Date(now.getTime() - 4 * 60_000).toISOString(),
      completedAt: now.toISOString(),
    });
    const res = await t.request("/api/v1/responses", { method: "POST", json: body, ip: `10.0.0.${i + 1}` });
    expect(res.status, await res.clone().text()).toBe(201);
  }
}

beforeAll(async () => {
  t = await createTestApp({ clock, env: { RETENTION_INTERVAL_SECONDS: "0" } });
  secret = t.app.services.secret;
  admin = await t.login();
  await t.createUser(admin, { username: "zhang", password: "pass-word-1", role: "interviewer", scope: SUB });
  // Days pass between the records: a new session each time (sessions end when idle).
  for (const s of [...OLD, ...NEW]) {
    clock.set(new Date(new Date(s.at).getTime() + 60_000));
    await record(await t.login("zhang", "pass-word-1"), s);
    if (s === OLD.at(-1) || s === NEW.at(-1)) await qrResponses(await t.login(), s === OLD.at(-1) ? 4 : 3);
  }
  clock.set(new Date("2026-11-20T02:00:00Z"));
  admin = await t.login();
}, 120_000);
afterAll(() => t.close());

const RANGES = [
  {},
  { from: "2025-01-01", to: "2025-12-31" },
  { from: "2026-11-01", to: "2026-11-30" },
  { from: "2025-03-01", to: "2026-11-20" },
];
const qs = (q: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => e[1] !== undefined)).toString();

/** Every read whose figures retention must not move: rates with every filter, trend, ranking, plan, field progress, distributions, exports. */
function figurePaths(): string[] {
  const paths: string[] = [];
  for (const unit of [DEMO.city, DEMO.dadukou, SUB, C1]) {
    for (const range of RANGES) {
      for (const audience of [undefined, "resident"]) {
        for (const channel of [undefined, "qr", "interview"]) {
          for (const includeFlagged of ["0", "1"]) {
            const q = qs({ unit, audience, channel, includeFlagged, ...range });
            paths.push(`/api/v1/rates?${q}`, `/api/v1/rates/trend?${q}`, `/api/v1/rates/plan?${q}`, `/api/v1/rates/distributions?${q}`);
            if (unit !== C1) for (const metric of METRICS) paths.push(`/api/v1/rates/ranking?${q}&metric=${metric}`);
          }
        }
      }
      const r = qs({ unit, ...range });
      paths.push(`/api/v1/field-progress/units?${r}`, `/api/v1/field-progress/interviewers?${r}`, `/api/v1/field-progress/devices?${r}`);
      paths.push(`/api/v1/rates/crosstab?${qs({ unit, audience: "resident", question: "knows_campaign", by: "age_band", ...range })}`);
      for (const format of ["csv", "xlsx", "sps"]) {
        paths.push(`/api/v1/exports/responses?${qs({ unit, survey: "resident", format, includeFlagged: "1", ...range })}`);
      }
    }
  }
  return paths;
}

/** Status and exact bytes of every figure read, and the stored responses, answers and rollups themselves. */
async function figures(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const path of figurePaths()) {
    const res = await t.request(path, { cookie: admin });
    const bytes = new Uint8Array(await res.arrayBuffer());
    // An xlsx is a zip whose entries carry the wall-clock time of writing: compare what is inside.
    const content = path.includes("format=xlsx")
      ? JSON.stringify(Object.entries(unzipSync(bytes)).map(([name, b]) => [name, Buffer.from(b).toString("base64")]))
      : Buffer.from(bytes).toString("base64");
    out[path] = `${res.status} ${content}`;
  }
  for (const table of ["responses", "rollups", "response_comments"]) {
    const rs = await t.client.execute(`select * from ${table} order by rowid`);
    out[`table ${table}`] = JSON.stringify(rs.rows);
  }
  return out;
}

/** The reads whose answer differs from `before` (an empty list: every figure byte-identical). */
async function changedReads(before: Record<string, string>): Promise<string[]> {
  const after = await figures();
  expect(Object.keys(after)).toEqual(Object.keys(before));
  return Object.keys(before).filter((k) => after[k] !== before[k]);
}

type VisitRow = {
  id: string;
  unit_code: string;
  household: string;
  day: string;
  latitude: number | null;
  longitude: number | null;
  accuracy_m: number | null;
  gps_retention: string | null;
  content_hash: string;
};
const visitRows = async () =>
  (await t.client.execute("select * from visits order by id")).rows.map((r) => ({ ...r }) as unknown as VisitRow);

describe("the retention job", () => {
  let before: Record<string, string>;
  let visitsBefore: VisitRow[];
  let visitsAfter: VisitRow[];

  it("replaces exactly the due values and leaves every figure byte-identical", { timeout: 300_000 }, async () => {
    before = await figures();
    // The reads carry real figures, not empty answers, so "identical" is not trivially true.
    const fp = JSON.parse(Buffer.from(before[`/api/v1/field-progress/units?${qs({ unit: SUB })}`]!.slice(4), "base64").toString());
    expect(fp.totals.visitedHouseholds).toBe(6);
    visitsBefore = await visitRows();

    // Batches of 2, so the job has to go round several times.
    const runs = await runRetentionPass(t.db, { clock, secret, batchSize: 2 });
    visitsAfter = await visitRows();
    expect(await changedReads(before)).toEqual([]);

    const dueHouseholds = new Set(["1栋101", "1栋102"].map((h) => `${C1}|${h}`).concat(`${C2}|1栋101`));
    const expected = await Promise.all(
      visitsBefore.map(async (v) => {
        const oldYear = v.day < "2026-01-01";
        const gpsDue = oldYear && (v.latitude !== null || v.longitude !== null || v.accuracy_m !== null);
        return {
          ...v,
          household: dueHouseholds.has(`${v.unit_code}|${v.household}`)
            ? await householdPseudonym(secret, v.unit_code, v.household)
            : v.household,
          ...(gpsDue
            ? {
                latitude: v.latitude === null ? null : Math.round(v.latitude * 100) / 100,
                longitude: v.longitude === null ? null : Math.round(v.longitude * 100) / 100,
                accuracy_m: null,
                gps_retention: "coarse",
              }
            : {}),
        };
      }),
    );
    expect(visitsAfter).toEqual(expected);
    // Spot-check the rule in plain values: 29.48512 → 29.49; the household seen this year kept its label.
    expect(visitsAfter.find((v) => v.latitude === 29.49 && v.longitude === 106.48)).toBeTruthy();
    expect(visitsAfter.filter((v) => v.household === "5栋1单元")).toHaveLength(3);
    expect(visitsAfter.filter((v) => v.household.startsWith("匿名户-"))).toHaveLength(4);
    // Two communities' "1栋101" stay two households.
    expect(new Set(visitsAfter.filter((v) => v.household.startsWith("匿名户-")).map((v) => v.household)).size).toBe(3);

    expect(runs.map((r) => [r.kind, r.rowsChanged, r.error, r.finishedAt !== null])).toEqual([
      ["gps", 4, null, true],
      ["household", 4, null, true],
    ]);
  });

  it("is idempotent: a second pass changes nothing and logs zero rows", { timeout: 120_000 }, async () => {
    const runs = await runRetentionPass(t.db, { clock, secret, batchSize: 2 });
    expect(runs.map((r) => [r.kind, r.rowsChanged, r.error])).toEqual([
      ["gps", 0, null],
      ["household", 0, null],
    ]);
    expect(await visitRows()).toEqual(visitsAfter);
  });

  it("removes coarse fixes when the action becomes remove, figures still identical", { timeout: 300_000 }, async () => {
    const put = await t.request("/api/v1/settings/retention", {
      method: "PUT",
      cookie: admin,
      json: { countFrom: "year_end", gps: { days: 180, action: "remove" }, household: { days: 180 } },
    });
    expect(put.status).toBe(200);
    const runs = await runRetentionPass(t.db, { clock, secret });
    expect(runs.map((r) => [r.kind, r.rowsChanged])).toEqual([
      ["gps", 4],
      ["household", 0],
    ]);
    const rows = await visitRows();
    for (const v of rows) {
      const was = visitsAfter.find((a) => a.id === v.id)!;
      if (was.gps_retention === "coarse")
        expect([v.latitude, v.longitude, v.accuracy_m, v.gps_retention]).toEqual([null, null, null, "removed"]);
      else expect(v).toEqual(was);
    }
    expect(await changedReads(before)).toEqual([]);
  });

  it("counts from the record's own day when asked, and never splits a household", { timeout: 300_000 }, async () => {
    // 10 days from the record: this year's fixes of the 18th and 19th are 1–2 days old, so only
    // a household whose latest visit is older than 10 days changes; 5栋1单元 was seen on the 19th.
    const put = await t.request("/api/v1/settings/retention", {
      method: "PUT",
      cookie: admin,
      json: { countFrom: "record", gps: { days: 1, action: "coarse" }, household: { days: 10 } },
    });
    expect(put.status).toBe(200);
    const prior = await visitRows();
    const runs = await runRetentionPass(t.db, { clock, secret });
    const rows = await visitRows();
    // Shanghai day 2026-11-20 today; cutoff for 1 day is 2026-11-19: the fix of the 18th is due, the 19th's not.
    const changed = rows.filter((v, i) => JSON.stringify(v) !== JSON.stringify(prior[i]));
    expect(changed.map((v) => [v.day, v.household, v.gps_retention])).toEqual([["2026-11-18", "2栋201", "coarse"]]);
    expect(runs.map((r) => [r.kind, r.rowsChanged])).toEqual([
      ["gps", 1],
      ["household", 0],
    ]);
    expect(rows.filter((v) => v.household === "5栋1单元")).toHaveLength(3);
    expect(await changedReads(before)).toEqual([]);
  });

  it("logs its runs for admins, newest first", async () => {
    const res = await t.request("/api/v1/settings/retention/runs?limit=3", { cookie: admin });
    expect(res.status).toBe(200);
    const { runs } = (await res.json()) as {
      runs: { id: number; kind: string; rowsChanged: number; startedAt: string; finishedAt: string }[];
    };
    expect(runs.map((r) => [r.kind, r.rowsChanged])).toEqual([
      ["household", 0],
      ["gps", 1],
      ["household", 0],
    ]);
    expect(runs[0]!.id).toBeGreaterThan(runs[1]!.id);
    const older = await t.request(`/api/v1/settings/retention/runs?beforeId=${runs[2]!.id}`, { cookie: admin });
    expect(((await older.json()) as { runs: unknown[] }).runs).toHaveLength(5);
  });
});

describe("retention settings", () => {
  let fresh: TestApp;
  let cookie: string;
  beforeAll(async () => {
    fresh = await createTestApp({ env: { RETENTION_INTERVAL_SECONDS: "0" } });
    cookie = await fresh.login();
  });
  afterAll(() => fresh.close());

  const auditCount = async () =>
    Number((await fresh.client.execute("select count(*) as n from audit_log where action = 'settings.retention'")).rows[0]!.n);

  it("defaults to the safe choice: GPS coarse and labels pseudonymised 180 days after the campaign year", async () => {
    const res = await fresh.request("/api/v1/settings/retention", { cookie });
    expect(await res.json()).toEqual({ countFrom: "year_end", gps: { days: 180, action: "coarse" }, household: { days: 180 } });
  });

  it.each([
    ["days 0", { countFrom: "record", gps: { days: 0, action: "coarse" }, household: null }],
    ["fractional days", { countFrom: "record", gps: null, household: { days: 1.5 } }],
    ["an unknown action", { countFrom: "record", gps: { days: 30, action: "blur" }, household: null }],
    ["an unknown count start", { countFrom: "campaign", gps: null, household: null }],
    ["a missing kind", { countFrom: "record", gps: null }],
    ["an unknown key", { countFrom: "record", gps: null, household: null, devices: { days: 3 } }],
  ])("refuses %s with 422 and stores and audits nothing", async (_name, json) => {
    const res = await fresh.request("/api/v1/settings/retention", { method: "PUT", cookie, json });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("invalid_request");
    expect(await auditCount()).toBe(0);
    expect(Number((await fresh.client.execute("select count(*) as n from settings where key = 'retention'")).rows[0]!.n)).toBe(0);
  });

  it("stores a change and audits who changed what, before and after", async () => {
    const json = { countFrom: "record", gps: null, household: { days: 365 } };
    const res = await fresh.request("/api/v1/settings/retention", { method: "PUT", cookie, json });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(json);
    expect(await (await fresh.request("/api/v1/settings/retention", { cookie })).json()).toEqual(json);
    const audit = await fresh.request("/api/v1/admin/audit?action=settings.retention", { cookie });
    const { entries } = (await audit.json()) as { entries: { actor: string; before: unknown; after: unknown }[] };
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor: "admin",
      before: { countFrom: "year_end", gps: { days: 180, action: "coarse" }, household: { days: 180 } },
      after: json,
    });
  });

  it("logs a kind's failure in its run (finished, with the error) and changes nothing of it", async () => {
    await fresh.client.execute({
      sql: `insert into visits (id, unit_code, survey_id, household, outcome, interviewer, device_id, visited_at, day, received_at, latitude, longitude, accuracy_m, content_hash)
            values ('00000000-0000-4000-8000-00000000000a', ?, 'resident', '7栋7号', 'refused', 'zhang', 'tablet', '2020-05-01T02:00:00.000Z', '2020-05-01', '2020-05-01T02:00:00.000Z', 29.5, 106.5, 5, 'x')`,
      args: [C1],
    });
    // An empty key cannot make a pseudonym (WebCrypto refuses a zero-length HMAC key): the household batch throws.
    const runs = await runRetentionPass(fresh.db, { clock: fresh.app.services.clock, secret: "" });
    expect(runs.map((r) => [r.kind, r.rowsChanged, r.error !== null, r.finishedAt !== null])).toEqual([["household", 0, true, true]]);
    expect(runs[0]!.error).toMatch(/key/i);
    const row = (await fresh.client.execute("select household from visits where id = '00000000-0000-4000-8000-00000000000a'")).rows[0]!;
    expect(row.household).toBe("7栋7号");
    const listed = await fresh.request("/api/v1/settings/retention/runs", { cookie });
    expect(((await listed.json()) as { runs: { error: string | null }[] }).runs[0]!.error).toBe(runs[0]!.error);
  });

  it("a pass stopped under way logs why, finished, and the next pass does the work", async () => {
    const controller = new AbortController();
    // The server stops just as the run starts (the clock is read for its start time).
    const stopping = {
      now: () => {
        controller.abort();
        return new Date();
      },
    };
    const stopped = await runRetentionPass(fresh.db, { clock: stopping, secret: fresh.app.services.secret, signal: controller.signal });
    expect(stopped.map((r) => [r.kind, r.rowsChanged, r.error])).toEqual([["household", 0, "服务停止，未处理完（下次执行时继续）"]]);
    const next = await runRetentionPass(fresh.db, { clock: fresh.app.services.clock, secret: fresh.app.services.secret });
    expect(next.map((r) => [r.kind, r.rowsChanged, r.error])).toEqual([["household", 1, null]]);
  });

  it("with a kind set to null keeps it: the job logs no run for it", async () => {
    const runs = await runRetentionPass(fresh.db, { clock: fresh.app.services.clock, secret: fresh.app.services.secret });
    expect(runs.map((r) => r.kind)).toEqual(["household"]);
  });
});
