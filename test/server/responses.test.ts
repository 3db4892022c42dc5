import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTarget, itInProcess, type Target } from "../helpers/target";
import { countRows, DEMO, eligibleAnswers, qrBody, validAnswers } from "../helpers/fixtures";

let t: Target;
let admin: string;
let token: string;

beforeEach(async () => {
  t = await createTarget();
  admin = await t.login();
  token = (await t.createPoster(admin, DEMO.community, "resident")).token;
});
afterEach(() => t.close());

const post = (json: unknown, init: { cookie?: string; ip?: string } = {}) =>
  t.request("/api/v1/responses", { method: "POST", json, ...init });

describe("POST /api/v1/responses (qr)", () => {
  it("accepts a valid response with 201 and stores it under the poster's unit and survey version", async () => {
    const body = qrBody(token);
    const res = await post(body);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: body.id, status: "accepted" });
    const rs = await t.client.execute({ sql: "select * from responses where id = ?", args: [body.id] });
    expect(rs.rows).toHaveLength(1);
    const row = rs.rows[0]!;
    expect(row.unit_code).toBe(DEMO.community);
    expect(row.survey_id).toBe("resident");
    expect(row.survey_version).toBe(1);
    expect(row.channel).toBe("qr");
    expect(row.flagged).toBe(0);
    expect(JSON.parse(String(row.answers))).toEqual(body.answers);
  });

  it("answers a replay of the same id and content with 200 duplicate and stores one row", async () => {
    const body = qrBody(token);
    expect((await post(body)).status).toBe(201);
    const again = await post(body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id: body.id, status: "duplicate" });
    // Key order does not make a different content.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    expect((await post(reordered)).status).toBe(200);
    expect(await countRows(t, "responses")).toBe(1);
  });

  it("refuses the same id with other content with 409 and keeps the first content", async () => {
    const body = qrBody(token);
    await post(body);
    const other = { ...body, answers: validAnswers("resident", 77) };
    const res = await post(other);
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe("id_conflict");
    const rs = await t.client.execute({ sql: "select answers from responses where id = ?", args: [body.id] });
    expect(JSON.parse(String(rs.rows[0]!.answers))).toEqual(body.answers);
  });

  it("stores a second response from the same device for the same survey and unit flagged, and says accepted", async () => {
    const first = qrBody(token);
    const second = qrBody(token, { deviceId: first.deviceId });
    expect((await post(first)).status).toBe(201);
    const res = await post(second);
    expect(res.status).toBe(201);
    expect((await res.json()).status).toBe("accepted");
    const rows = (await t.client.execute("select id, flagged, flag_reason from responses order by received_at")).rows;
    expect(rows.map((r) => [r.id, r.flagged, r.flag_reason])).toEqual([
      [first.id, 0, null],
      [second.id, 1, "same_device"],
    ]);
  });

  it("flags two responses of one device sent concurrently (same batch)", async () => {
    const a = qrBody(token);
    const b = qrBody(token, { deviceId: a.deviceId });
    const [ra, rb] = await Promise.all([post(a), post(b)]);
    expect([ra.status, rb.status]).toEqual([201, 201]);
    expect(await countRows(t, "responses", "flagged = 1")).toBe(1);
  });

  it("does not flag the same device on another unit's poster", async () => {
    const other = (await t.createPoster(admin, DEMO.community2, "resident")).token;
    const a = qrBody(token);
    await post(a);
    await post(qrBody(other, { deviceId: a.deviceId }));
    expect(await countRows(t, "responses", "flagged = 1")).toBe(0);
  });

  it("refuses a forged, malformed or missing token with 422", async () => {
    const [id, sig] = token.split(".");
    // Every variant of the last character, including ones that decode to the same bytes.
    const lastCharVariants = ["A", "B", "Q", "g", "w", "_"]
      .filter((ch) => !sig!.endsWith(ch))
      .map((ch) => `${id}.${sig!.slice(0, -1)}${ch}`);
    const firstCharFlipped = `${id}.${sig!.startsWith("A") ? "B" : "A"}${sig!.slice(1)}`;
    for (const bad of [...lastCharVariants, firstCharFlipped, "nonsense", `${id}`, "x".repeat(199)]) {
      const res = await post(qrBody(bad));
      expect(res.status).toBe(422);
      expect((await res.json()).error.code).toBe("invalid_token");
    }
    const { token: _omit, ...noToken } = qrBody(token);
    expect((await post(noToken)).status).toBe(422);
    expect(await countRows(t, "responses")).toBe(0);
  });

  // A completedAt far in the future is no longer refused: it is stored flagged `clock`
  // (test/server/response-clock.test.ts).
  it("refuses a survey other than the poster's, an unknown version, and times that make no sense", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ surveyId: "shopkeeper", answers: validAnswers("shopkeeper") }, "survey_mismatch"],
      [{ surveyVersion: 99 }, "unknown_survey"],
      [{ startedAt: "2026-11-20T10:00:00Z", completedAt: "2026-11-20T09:00:00Z" }, "invalid_times"],
      [{ unitCode: DEMO.community2 }, "unit_mismatch"],
    ];
    for (const [overrides, code] of cases) {
      const res = await post(qrBody(token, overrides));
      expect(res.status, code).toBe(422);
      expect((await res.json()).error.code).toBe(code);
    }
    expect(await countRows(t, "responses")).toBe(0);
  });

  it("refuses answers that break the survey's rules with 422 invalid_response and per-question issues", async () => {
    const answers = validAnswers("resident", 4242);
    answers.age_band = "18_29";
    answers.residence_years = "gt_10";
    delete answers.knows_campaign;
    answers.bogus = 1;
    answers.overall_rating = 9;
    const res = await post(qrBody(token, { answers }));
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe("invalid_response");
    const questions = body.error.issues.map((i: { question: string }) => i.question);
    expect(questions).toEqual(expect.arrayContaining(["knows_campaign", "bogus", "overall_rating"]));
    for (const issue of body.error.issues) expect(typeof issue.message).toBe("string");
    expect(await countRows(t, "responses")).toBe(0);
  });

  itInProcess(
    "limits bursts from one address: flagged past QR_RATE_LIMIT, 429 past QR_BLOCK_LIMIT, other addresses unaffected",
    async () => {
      t.close();
      t = await createTarget({ env: { QR_RATE_LIMIT: "3", QR_BLOCK_LIMIT: "5" } });
      admin = await t.login();
      token = (await t.createPoster(admin, DEMO.community, "resident")).token;
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await post(qrBody(token), { ip: "10.9.9.9" })).status);
      expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
      expect(await countRows(t, "responses", "flagged = 1 and flag_reason like '%burst%'")).toBe(2);
      expect((await post(qrBody(token), { ip: "10.1.1.1" })).status).toBe(201);
      expect(await countRows(t, "responses", "flagged = 0")).toBe(4);
    },
  );

  itInProcess(
    "counts only stored responses toward the burst limit: junk and replays from one address do not get a later good one flagged",
    async () => {
      t.close();
      t = await createTarget({ env: { QR_RATE_LIMIT: "3", QR_BLOCK_LIMIT: "5" } });
      admin = await t.login();
      token = (await t.createPoster(admin, DEMO.community, "resident")).token;
      const ip = "10.7.7.7";
      for (let i = 0; i < 12; i++) expect((await post(qrBody(token, { answers: { bogus: i } }), { ip })).status).toBe(422);
      const first = qrBody(token);
      expect((await post(first, { ip })).status).toBe(201);
      for (let i = 0; i < 8; i++) expect((await post(first, { ip })).status).toBe(200);
      expect((await post({ ...first, answers: validAnswers("resident", 99) }, { ip })).status).toBe(409);
      for (let i = 0; i < 2; i++) expect((await post(qrBody(token), { ip })).status).toBe(201);
      expect(await countRows(t, "responses", "flagged = 1")).toBe(0);
      // The limit itself still holds on what is stored: the 4th and 5th are flagged, the 6th refused.
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await post(qrBody(token), { ip })).status);
      expect(statuses).toEqual([201, 201, 429]);
      expect(await countRows(t, "responses", "flag_reason = 'burst'")).toBe(2);
    },
  );

  itInProcess("a concurrent volley from one address cannot slip past the block limit together", async () => {
    t.close();
    t = await createTarget({ env: { QR_RATE_LIMIT: "3", QR_BLOCK_LIMIT: "5" } });
    admin = await t.login();
    token = (await t.createPoster(admin, DEMO.community, "resident")).token;
    const ip = "10.8.8.8";
    const volley = Array.from({ length: 30 }, (_, i) =>
      post(i % 3 === 0 ? qrBody(token, { answers: { bogus: i } }) : qrBody(token), { ip }),
    );
    const statuses = (await Promise.all(volley)).map((r) => r.status);
    expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(await countRows(t, "responses")).toBe(statuses.filter((s) => s === 201).length);
    expect(await countRows(t, "responses", "flagged = 0")).toBeLessThanOrEqual(3);
  });

  itInProcess("turns the burst limit off with QR_RATE_LIMIT=0 and QR_BLOCK_LIMIT=0", async () => {
    t.close();
    t = await createTarget({ env: { QR_RATE_LIMIT: "0", QR_BLOCK_LIMIT: "0" } });
    admin = await t.login();
    token = (await t.createPoster(admin, DEMO.community, "resident")).token;
    for (let i = 0; i < 10; i++) expect((await post(qrBody(token), { ip: "10.9.9.9" })).status).toBe(201);
    expect(await countRows(t, "responses", "flagged = 1")).toBe(0);
  });
});

describe("POST /api/v1/responses: one device, one key, one instant (issue 11)", () => {
  const rawPost = (json: string) =>
    t.request("/api/v1/responses", { method: "POST", body: json, headers: { "content-type": "application/json" } });

  it("counts device ids that differ only by case, width or invisible characters as one device, stored in one form", async () => {
    const variants = [
      "RACE-DEV-3",
      "race-dev-3\u200b",
      "\uff52ace-dev-3",
      " Race-Dev-3\ufeff ",
      "race\u00ad-dev-3",
      "\uff32\uff21\uff23\uff25-dev-3\u2060",
    ];
    for (const deviceId of variants) expect((await post(qrBody(token, { deviceId }))).status, JSON.stringify(deviceId)).toBe(201);
    const rows = (await t.client.execute("select device_id, flagged, flag_reason from responses order by rowid")).rows;
    expect(rows.map((r) => r.device_id)).toEqual(variants.map(() => "race-dev-3"));
    expect(rows.map((r) => r.flag_reason)).toEqual([null, ...variants.slice(1).map(() => "same_device")]);
  });

  it("refuses a device id that is empty once invisible characters are dropped, or holds a lone surrogate: 422", async () => {
    for (const deviceId of ["\u200b\u200d", "\ufeff", "\u0000\u0001", "x\ud800", "\udfffabc", "\u2028 \u3000"]) {
      const res = await post(qrBody(token, { deviceId }));
      expect(res.status, JSON.stringify(deviceId)).toBe(422);
      const body = await res.json();
      expect(body.error.code).toBe("invalid_request");
      expect(body.error.issues[0].path).toBe("deviceId");
    }
    expect(await countRows(t, "responses")).toBe(0);
  });

  it("refuses __proto__, constructor and prototype among the answers like any unknown question: 422 invalid_response", async () => {
    const valid = JSON.stringify(qrBody(token));
    for (const [key, value] of [
      ["__proto__", '{"admin":true}'],
      ["__proto__", "1"],
      ["constructor", '"x"'],
      ["prototype", "{}"],
    ] as const) {
      const res = await rawPost(valid.replace('"answers":{', `"answers":{"${key}":${value},`));
      expect(res.status, key).toBe(422);
      const body = await res.json();
      expect(body.error.code).toBe("invalid_response");
      expect(body.error.issues).toContainEqual({ question: key, message: expect.any(String) });
    }
    expect(await countRows(t, "responses")).toBe(0);
  });

  it("treats the same instant written another way (Z, +00:00, +08:00, with or without milliseconds) as a duplicate, not a conflict", async () => {
    const ms = Math.floor(Date.now() / 1000) * 1000 - 60_000;
    const forms = (t0: number) => {
      const iso = new Date(t0).toISOString();
      const shanghai = new Date(t0 + 8 * 3600_000).toISOString().replace("Z", "+08:00");
      return [iso, iso.replace("Z", "+00:00"), iso.replace(".000Z", "Z"), shanghai, shanghai.replace(".000", "")];
    };
    const starts = forms(ms - 300_000);
    const ends = forms(ms);
    // First sent in a non-canonical form, then replayed in every form.
    const body = qrBody(token, { startedAt: starts[3], completedAt: ends[1], deviceId: "Tablet-Z" });
    expect((await post(body)).status).toBe(201);
    for (let i = 0; i < starts.length; i++) {
      const res = await post({
        ...body,
        startedAt: starts[i],
        completedAt: ends[(i + 2) % ends.length],
        deviceId: i % 2 ? "tablet-z" : "TABLET-Z\u200b",
      });
      expect(res.status, `${starts[i]} ${ends[(i + 2) % ends.length]}`).toBe(200);
      expect((await res.json()).status).toBe("duplicate");
    }
    // One millisecond later is other content.
    expect((await post({ ...body, completedAt: new Date(ms + 1).toISOString() })).status).toBe(409);
    const rows = (await t.client.execute("select started_at, completed_at from responses")).rows;
    expect(rows).toEqual([expect.objectContaining({ started_at: starts[0], completed_at: ends[0] })]);
  });
});

describe("POST /api/v1/responses (interview)", () => {
  const interviewBody = (overrides: Record<string, unknown> = {}) => {
    const { token: _t, ...rest } = qrBody("unused", { channel: "interview", unitCode: DEMO.community, ...overrides });
    return rest;
  };

  it("needs a session: 401 without one", async () => {
    const res = await post(interviewBody());
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("unauthorized");
  });

  it("accepts an interviewer's response for a community in scope and records the interviewer", async () => {
    const cookie = await t.createUser(admin, {
      username: "zhang",
      password: "interview-pass-1",
      role: "interviewer",
      scope: DEMO.xinshancun,
    });
    const body = interviewBody();
    const res = await post(body, { cookie });
    expect(res.status).toBe(201);
    const rs = await t.client.execute({ sql: "select interviewer, channel, unit_code from responses where id = ?", args: [body.id] });
    expect(rs.rows[0]).toMatchObject({ interviewer: "zhang", channel: "interview", unit_code: DEMO.community });
  });

  it("refuses a unit outside the scope, an unknown unit, a non-leaf unit or no unit with 422", async () => {
    const cookie = await t.createUser(admin, {
      username: "li",
      password: "interview-pass-1",
      role: "interviewer",
      scope: DEMO.xinshancun,
    });
    for (const [unitCode, code] of [
      [DEMO.otherSubdistrictCommunity, "unit_out_of_scope"],
      ["999999999999", "unknown_unit"],
      [DEMO.xinshancun, "unknown_unit"],
      [undefined, "unit_required"],
    ] as const) {
      const res = await post(interviewBody({ unitCode }), { cookie });
      expect(res.status, String(unitCode)).toBe(422);
      expect((await res.json()).error.code).toBe(code);
    }
    expect(await countRows(t, "responses")).toBe(0);
  });

  it("refuses an office user (403) and a parent survey for a community (422)", async () => {
    const office = await t.createUser(admin, { username: "office1", password: "office-pass-1", role: "office", scope: DEMO.dadukou });
    expect((await post(interviewBody(), { cookie: office })).status).toBe(403);
    const res = await post(interviewBody({ surveyId: "parent", answers: validAnswers("parent") }), { cookie: admin });
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe("audience_mismatch");
  });

  it("does not flag interviews from one tablet: many households share a device", async () => {
    const deviceId = "tablet-1";
    for (let i = 0; i < 3; i++) expect((await post(interviewBody({ deviceId }), { cookie: admin })).status).toBe(201);
    expect(await countRows(t, "responses", "flagged = 1")).toBe(0);
  });
});

describe("rollups follow every accepted response in the same transaction", () => {
  it("counts respondents per metric once and leaves duplicates and refused responses out", async () => {
    const body = qrBody(token, { answers: eligibleAnswers() });
    expect((await post(body)).status).toBe(201);
    await post(body);
    // The response is counted once at its community and once at every unit above it, per period.
    for (const unit of [DEMO.community, DEMO.xinshancun, DEMO.dadukou, DEMO.city]) {
      for (const period of ["D:", "M:"]) {
        const rs = await t.client.execute({
          sql: "select responses, counts from rollups where unit_code = ? and period like ? and flagged = 0",
          args: [unit, `${period}%`],
        });
        expect(rs.rows).toHaveLength(1);
        expect(rs.rows[0]!.responses).toBe(1);
        const m = JSON.parse(String(rs.rows[0]!.counts)).m;
        expect([m.awareness.slice(0, 2), m.support.slice(0, 2), m.participation.slice(0, 2), m.satisfaction.slice(0, 2)]).toEqual([
          [1, 4],
          [1, 2],
          [1, 4],
          [1, 10],
        ]);
      }
    }
    expect(await countRows(t, "rollups", `unit_code = '${DEMO.community2}'`)).toBe(0);
  });
});

describe("concurrency", () => {
  it("stores 100 concurrent submissions (with 30 replays among them) exactly once each", async () => {
    const bodies = Array.from({ length: 100 }, () => qrBody(token));
    const sends = [...bodies, ...bodies.slice(0, 30)].map((b, i) => post(b, { ip: `10.0.${i % 200}.1` }));
    const statuses = (await Promise.all(sends)).map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(100);
    expect(statuses.filter((s) => s === 200)).toHaveLength(30);
    expect(await countRows(t, "responses")).toBe(100);
    const metrics = await t.client.execute(
      `select sum(json_extract(counts, '$.m.support[0]')) n from rollups where unit_code = '${DEMO.city}' and period like 'M:%'`,
    );
    const eligible = bodies.filter((b) => "supports_campaign" in (b.answers as object)).length;
    expect(Number(metrics.rows[0]!.n)).toBe(eligible);
  });
});
