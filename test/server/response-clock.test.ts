/**
 * Issue 11, hole 2: backdated and future answers. A QR response must have been answered within
 * QR_CLOCK_BACK_HOURS before and QR_CLOCK_AHEAD_MINUTES after the server received it, an interview
 * between its survey version's publication and its receipt; otherwise it is stored flagged
 * `clock`, keyed by the receipt's day, and left out of the rates. Whatever the data or the query,
 * every day key is a real calendar day and a trend has a bounded number of weeks.
 */
import { afterEach, describe, expect, it } from "vitest";
import { countRows, DEMO, eligibleAnswers, qrBody, uuid } from "../helpers/fixtures";
import { createTestApp, manualClock, type TestApp } from "../helpers/test-app";

const RECEIPT = new Date("2026-11-20T02:00:00Z"); // 10:00 in Shanghai, a Friday
const MIN = 60_000;
const HOUR = 60 * MIN;
const at = (offsetMs: number, base = RECEIPT) => new Date(base.getTime() + offsetMs).toISOString();
const DAY_KEY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

let t: TestApp;
afterEach(() => t?.close());

async function setup(env: Record<string, string> = {}, clock = manualClock(RECEIPT)) {
  t = await createTestApp({ env: { QR_MIN_SECONDS_PER_ANSWER: "0", QR_STRAIGHTLINE_MIN: "0", ...env }, clock });
  const admin = await t.login();
  const { token } = await t.createPoster(admin, DEMO.community, "resident");
  const post = (json: unknown, cookie?: string) => t.request("/api/v1/responses", { method: "POST", json, cookie });
  return { admin, token, post, clock };
}

async function rows(): Promise<{ id: string; flagged: number; flag_reason: string | null; day: string }[]> {
  return (await t.client.execute("select id, flagged, flag_reason, day from responses order by rowid")).rows as never;
}

async function respondents(admin: string, query = ""): Promise<number> {
  const res = await t.request(`/api/v1/rates?unit=${DEMO.community}${query}`, { cookie: admin });
  expect(res.status).toBe(200);
  return (await res.json()).metrics.awareness.respondents;
}

describe("QR answers dated outside the window of their receipt", () => {
  it("are stored flagged clock under the receipt's day, and only the believable ones count", async () => {
    const { admin, token, post } = await setup();
    const wild: [string, string][] = [
      ["0000-01-01T01:00:00Z", "0000-01-01T01:00:00Z"], // the attack of the issue
      ["0000-01-01T00:00:00+14:00", "0000-01-01T00:00:00+14:00"], // year -1 in UTC
      ["9999-12-31T23:59:59-12:00", "9999-12-31T23:59:59-12:00"], // year 10000 in Shanghai
      ["2026-10-15T02:00:00Z", "2026-10-15T02:10:00Z"], // last month, already reported
      [at(-25 * HOUR), at(-25 * HOUR + 10 * MIN)], // a day and an hour back
      [at(-48 * HOUR), at(0)], // started two days ago
      [at(5 * MIN), at(10 * MIN)], // ten minutes in the future
      [at(3 * 24 * HOUR), at(3 * 24 * HOUR)], // three days in the future
    ];
    const believable: [string, string][] = [
      [at(-23 * HOUR), at(-22 * HOUR)],
      [at(-10 * MIN), at(4 * MIN)],
    ];
    for (const [startedAt, completedAt] of [...wild, ...believable]) {
      const res = await post(qrBody(token, { startedAt, completedAt, answers: eligibleAnswers() }));
      expect(res.status, startedAt).toBe(201);
      expect((await res.json()).status).toBe("accepted");
    }
    const stored = await rows();
    expect(stored.map((r) => [r.flagged, r.flag_reason])).toEqual([...wild.map(() => [1, "clock"]), ...believable.map(() => [0, null])]);
    for (const r of stored) expect(r.day).toMatch(DAY_KEY);
    expect(stored.slice(0, wild.length).map((r) => r.day)).toEqual(wild.map(() => "2026-11-20"));
    expect(stored.slice(wild.length).map((r) => r.day)).toEqual(["2026-11-19", "2026-11-20"]);

    expect(await respondents(admin)).toBe(believable.length);
    expect(await respondents(admin, "&from=2026-10-01&to=2026-10-31")).toBe(0);
    expect(await respondents(admin, "&includeFlagged=1")).toBe(wild.length + believable.length);
    const review = await t.request("/api/v1/admin/flagged?reason=clock&status=all", { cookie: admin });
    expect(review.status).toBe(200);
    expect((await review.json()).responses.map((r: { flagReasons: string[] }) => r.flagReasons)).toEqual(wild.map(() => ["clock"]));
    const rollupPeriods = (await t.client.execute("select distinct period from rollups")).rows.map((r) => String(r.period));
    for (const p of rollupPeriods) expect(p).toMatch(/^(D:\d{4}-\d{2}-\d{2}|M:\d{4}-\d{2})$/);

    // The trend stays one or two weeks long, flagged responses included.
    for (const q of ["", "&includeFlagged=1", "&from=0000-01-01&to=9999-12-31&includeFlagged=1"]) {
      const res = await t.request(`/api/v1/rates/trend?unit=${DEMO.city}${q}`, { cookie: admin });
      expect(res.status).toBe(200);
      const text = await res.text();
      const body = JSON.parse(text);
      expect(body.weeks.map((w: { week: string }) => w.week)).toEqual(["2026-11-16"]);
      expect(body.truncated).toBe(false);
      expect(text.length).toBeLessThan(10_000);
    }
  });

  it("takes QR_CLOCK_BACK_HOURS and QR_CLOCK_AHEAD_MINUTES from the environment; 0 turns that side off, never the valid-day range", async () => {
    const narrow = await setup({ QR_CLOCK_BACK_HOURS: "1", QR_CLOCK_AHEAD_MINUTES: "1" });
    expect((await narrow.post(qrBody(narrow.token, { startedAt: at(-2 * HOUR), completedAt: at(-2 * HOUR) }))).status).toBe(201);
    expect((await narrow.post(qrBody(narrow.token, { startedAt: at(2 * MIN), completedAt: at(2 * MIN) }))).status).toBe(201);
    expect((await narrow.post(qrBody(narrow.token, { startedAt: at(-30 * MIN), completedAt: at(30_000) }))).status).toBe(201);
    expect((await rows()).map((r) => r.flag_reason)).toEqual(["clock", "clock", null]);
    t.close();

    const off = await setup({ QR_CLOCK_BACK_HOURS: "0", QR_CLOCK_AHEAD_MINUTES: "0" });
    for (const time of ["2001-01-01T04:00:00Z", at(40 * 24 * HOUR), "0000-01-01T01:00:00Z", "1999-12-31T15:59:59Z"]) {
      expect((await off.post(qrBody(off.token, { startedAt: time, completedAt: time }))).status).toBe(201);
    }
    expect((await rows()).map((r) => [r.flag_reason, r.day])).toEqual([
      [null, "2001-01-01"],
      [null, "2026-12-30"],
      ["clock", "2026-11-20"],
      ["clock", "2026-11-20"], // 23:59:59 on 1999-12-31 in Shanghai: before the first valid day
    ]);
  });
});

describe("interviews dated outside their survey version's publication and their receipt", () => {
  it("are stored flagged clock; days offline are normal", async () => {
    // The surveys are published at RECEIPT; the tablet syncs five days later.
    const { post, clock } = await setup();
    clock.set(new Date(RECEIPT.getTime() + 5 * 24 * HOUR));
    const synced = clock.now();
    const admin = await t.login(); // the first session has expired meanwhile
    const interview = (startedAt: string, completedAt: string) => {
      const { token: _t, ...body } = qrBody("unused", {
        channel: "interview",
        unitCode: DEMO.community,
        startedAt,
        completedAt,
        answers: eligibleAnswers(),
      });
      return post(body, admin);
    };
    const cases: [string, string, string | null][] = [
      [at(24 * HOUR), at(25 * HOUR), null], // four days before the sync
      [at(-10 * MIN), at(20 * MIN), null], // a tablet clock ten minutes behind at publication
      [at(-20 * MIN, synced), at(10 * MIN, synced), null], // ten minutes ahead at the sync
      [at(-24 * HOUR), at(-23 * HOUR), "clock"], // the day before the version existed
      ["2026-10-15T02:00:00Z", "2026-10-15T03:00:00Z", "clock"], // last month
      [at(-10 * MIN, synced), at(30 * MIN, synced), "clock"], // half an hour in the future
      ["0000-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00", "clock"],
    ];
    for (const [startedAt, completedAt] of cases) expect((await interview(startedAt, completedAt)).status, startedAt).toBe(201);
    const stored = await rows();
    expect(stored.map((r) => r.flag_reason)).toEqual(cases.map((c) => c[2]));
    for (const [i, r] of stored.entries()) {
      expect(r.day).toMatch(DAY_KEY);
      if (cases[i]![2] === "clock") expect(r.day).toBe("2026-11-25");
    }
    expect(await respondents(admin, "&channel=interview")).toBe(3);
  });

  it("takes INTERVIEW_CLOCK_SLACK_MINUTES from the environment (0 = exactly publication..receipt)", async () => {
    const { admin, post } = await setup({ INTERVIEW_CLOCK_SLACK_MINUTES: "0" });
    const interview = (time: string) => {
      const { token: _t, ...body } = qrBody("unused", {
        channel: "interview",
        unitCode: DEMO.community,
        startedAt: time,
        completedAt: time,
      });
      return post(body, admin);
    };
    for (const time of [at(-MIN), at(0), at(MIN)]) expect((await interview(time)).status).toBe(201);
    expect((await rows()).map((r) => r.flag_reason)).toEqual(["clock", null, "clock"]);
  });
});

describe("date-ranged reads stay bounded", () => {
  it("a trend over decades of counted data answers the latest 104 weeks and says truncated", async () => {
    // With both QR clock limits off, a response from 2001 is counted: the trend must not walk 26 years.
    const { admin, token, post } = await setup({ QR_CLOCK_BACK_HOURS: "0", QR_CLOCK_AHEAD_MINUTES: "0" });
    for (const time of ["2001-01-01T04:00:00Z", "2026-02-01T04:00:00Z", at(0)]) {
      expect((await post(qrBody(token, { startedAt: time, completedAt: time, answers: eligibleAnswers() }))).status).toBe(201);
    }
    for (const q of ["", "&from=0000-01-01&to=9999-12-31", "&from=2000-01-01", "&to=2026-11-22"]) {
      const res = await t.request(`/api/v1/rates/trend?unit=${DEMO.city}${q}`, { cookie: admin });
      expect(res.status).toBe(200);
      const text = await res.text();
      const body = JSON.parse(text) as { weeks: { week: string; metrics: Record<string, { respondents: number }> }[]; truncated: boolean };
      expect(body.weeks).toHaveLength(104);
      expect(body.truncated).toBe(true);
      expect(body.weeks.at(-1)!.week).toBe("2026-11-16");
      expect(body.weeks[0]!.week).toBe("2024-11-25");
      expect(body.weeks.reduce((n, w) => n + w.metrics.awareness!.respondents, 0)).toBe(2);
      // About half a kilobyte a week; 105,764 weeks were 56 MB.
      expect(text.length).toBeLessThan(104 * 1_000);
    }
    // A range that ends before the data shown still answers from its own data, not the whole span.
    const early = await (await t.request(`/api/v1/rates/trend?unit=${DEMO.city}&to=2001-12-31`, { cookie: admin })).json();
    expect(early.weeks.map((w: { week: string }) => w.week)).toEqual(["2001-01-01"]);
    expect(early.truncated).toBe(false);
  });

  it("extreme from/to on every dashboard and field read: 200 with the right figures, or 422 for a malformed day", async () => {
    const { admin, token, post } = await setup();
    expect((await post(qrBody(token, { startedAt: at(-MIN), completedAt: at(0), answers: eligibleAnswers() }))).status).toBe(201);
    const ranges = [
      ["0000-01-01", "9999-12-31", 1],
      ["0000-01-15", "1999-12-31", 0],
      ["9999-12-15", "9999-12-31", 0],
      ["2026-11-20", "9999-12-31", 1],
      ["0001-02-28", "2026-11-20", 1],
    ] as const;
    for (const [from, to, n] of ranges) {
      const q = `unit=${DEMO.city}&from=${from}&to=${to}`;
      const rates = await t.request(`/api/v1/rates?${q}`, { cookie: admin });
      expect(rates.status).toBe(200);
      expect((await rates.json()).metrics.awareness.respondents, `${from}..${to}`).toBe(n);
      for (const path of [
        "/api/v1/rates/trend",
        "/api/v1/rates/plan",
        "/api/v1/field-progress/interviewers",
        "/api/v1/field-progress/units",
      ]) {
        const res = await t.request(`${path}?${q}`, { cookie: admin });
        expect(res.status, path).toBe(200);
        expect((await res.text()).length, path).toBeLessThan(200_000);
      }
    }
    expect((await t.request(`/api/v1/rates/trend?unit=${DEMO.city}&from=2026-02-30`, { cookie: admin })).status).toBe(422);
  });

  it("a visit dated outside the valid days is refused, not stored under a broken day key", async () => {
    const { admin } = await setup();
    for (const visitedAt of ["0000-01-01T00:00:00+14:00", "1999-06-01T00:00:00Z"]) {
      const res = await t.request("/api/v1/visits", {
        method: "POST",
        cookie: admin,
        json: {
          id: uuid(),
          unitCode: DEMO.community,
          surveyId: "resident",
          household: "1-101",
          outcome: "refused",
          visitedAt,
          deviceId: "tablet",
        },
      });
      expect(res.status).toBe(422);
      expect((await res.json()).error.code).toBe("invalid_times");
    }
    expect(await countRows(t, "visits")).toBe(0);
  });
});
