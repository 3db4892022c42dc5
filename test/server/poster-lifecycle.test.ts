/**
 * Issue 11, hole 9 (third part): posters can be revoked and given a collection window. A revoked
 * or closed poster's page answers 410 with its own code, its submissions get 410 and nothing is
 * stored; every change is scope-checked on the poster's stored unit and audited with it.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPosterResolver } from "../../server/services/posters/poster-resolver";
import { countRows, DEMO, eligibleAnswers, qrBody } from "../helpers/fixtures";
import { createTestApp, manualClock, type TestApp } from "../helpers/test-app";

const START = new Date("2026-11-20T02:00:00Z");
let clock: ReturnType<typeof manualClock>;
let t: TestApp;
let admin: string;
beforeEach(async () => {
  clock = manualClock(START);
  t = await createTestApp({ clock, env: { QR_RATE_LIMIT: "0", QR_BLOCK_LIMIT: "0" } });
  admin = await t.login();
});
afterEach(() => t.close());

const at = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();
const HOUR = 3_600_000;

async function newPoster(extra: Record<string, unknown> = {}, unitCode: string = DEMO.community, cookie = admin) {
  const res = await t.request("/api/v1/posters", { method: "POST", cookie, json: { unitCode, surveyId: "resident", ...extra } });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; token: string };
}

/** A QR submission timed by the test clock, so the answer itself is never the reason for a refusal. */
const submit = (token: string) => {
  const now = clock.now().getTime();
  const body = qrBody(token, {
    answers: eligibleAnswers(),
    startedAt: new Date(now - 5 * 60_000).toISOString(),
    completedAt: new Date(now).toISOString(),
  });
  return t.request("/api/v1/responses", { method: "POST", json: body });
};
const page = (token: string) => t.request(`/api/v1/q/${token}`);
const revoke = (id: string, cookie?: string, reason = "海报贴错了社区") =>
  t.request(`/api/v1/posters/${id}/revoke`, { method: "POST", cookie, json: { reason } });
const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;
const figures = async () => [
  await countRows(t, "responses"),
  JSON.stringify((await t.client.execute("select key, responses from rollups order by key")).rows),
];

describe("revoking a poster", () => {
  it("turns its page and its submissions into 410 poster_revoked at once, stores nothing, and is audited", async () => {
    const poster = await newPoster();
    // Warm the resolver's token cache: revocation must win over it.
    expect((await submit(poster.token)).status).toBe(201);
    const before = await figures();

    const res = await revoke(poster.id, admin);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: poster.id, status: "revoked", revokedBy: "admin", revokedAt: clock.now().toISOString() });

    const shown = await page(poster.token);
    expect(shown.status).toBe(410);
    const body = await shown.json();
    expect(body.error.code).toBe("poster_revoked");
    expect(body.error.message).toMatch(/停用/);
    const sent = await submit(poster.token);
    expect(sent.status).toBe(410);
    expect(await errorCode(sent)).toBe("poster_revoked");
    expect(await figures()).toEqual(before);

    // Again: nothing changes, the first revocation stays.
    expect((await revoke(poster.id, admin)).status).toBe(200);
    const audit = (await t.client.execute("select actor, target, scope_unit, after from audit_log where action = 'posters.revoke'")).rows;
    expect(audit.map((a) => [a.actor, a.target, a.scope_unit])).toEqual([["admin", poster.id, DEMO.community]]);
    expect(JSON.parse(String(audit[0]!.after))).toMatchObject({ revokedBy: "admin", reason: "海报贴错了社区" });

    const listed = await (await t.request(`/api/v1/posters?unit=${DEMO.community}`, { cookie: admin })).json();
    expect(listed.posters.find((p: { id: string }) => p.id === poster.id)).toMatchObject({ status: "revoked", revokedBy: "admin" });
    const patched = await t.request(`/api/v1/posters/${poster.id}`, { method: "PATCH", cookie: admin, json: { endsAt: null } });
    expect(patched.status).toBe(409);
    expect(await errorCode(patched)).toBe("poster_revoked");
  });

  it("is refused outside the caller's scope (403) and to interviewers, with nothing changed", async () => {
    const poster = await newPoster();
    const qijiang = await t.createUser(admin, { username: "qj-admin", password: "qj-admin-pass-1", role: "admin", scope: DEMO.qijiang });
    const qjOffice = await t.createUser(admin, {
      username: "qj-office",
      password: "qj-office-pass-1",
      role: "office",
      scope: DEMO.qijiang,
    });
    const interviewer = await t.createUser(admin, { username: "iv", password: "iv-pass-1234", role: "interviewer", scope: DEMO.dadukou });
    const audits = await countRows(t, "audit_log");
    for (const cookie of [qijiang, qjOffice, interviewer]) {
      expect((await revoke(poster.id, cookie)).status).toBe(403);
      expect((await t.request(`/api/v1/posters/${poster.id}`, { method: "PATCH", cookie, json: { endsAt: at(HOUR) } })).status).toBe(403);
    }
    expect((await revoke(poster.id)).status).toBe(401);
    expect((await revoke("nosuchposter", admin)).status).toBe(404);
    // A revocation needs its reason.
    expect((await revoke(poster.id, admin, " ")).status).toBe(422);
    expect((await t.request(`/api/v1/posters/${poster.id}/revoke`, { method: "POST", cookie: admin })).status).toBe(400);
    expect(await countRows(t, "audit_log")).toBe(audits);
    expect(await countRows(t, "posters", "revoked_at is not null or ends_at is not null")).toBe(0);
    expect((await page(poster.token)).status).toBe(200);

    // An office user inside the scope may revoke (posters are theirs to manage).
    const office = await t.createUser(admin, {
      username: "ddk-office",
      password: "ddk-office-pass-1",
      role: "office",
      scope: DEMO.xinshancun,
    });
    expect((await revoke(poster.id, office)).status).toBe(200);
    expect((await page(poster.token)).status).toBe(410);
  });

  it("reaches other instances within the state bound: a second resolver sees it once its state expires", async () => {
    const poster = await newPoster();
    const other = createPosterResolver(t.db, t.boot.secret, { stateTtlMs: 300 });
    expect((await other.resolve(poster.token))?.poster.revokedAt).toBeNull();
    expect((await revoke(poster.id, admin)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 400));
    expect((await other.resolve(poster.token))?.poster.revokedAt).toBe(clock.now().toISOString());
  });
});

describe("a poster's collection window", () => {
  it("is not open before it starts (poster_not_open), open inside, closed after (poster_closed)", async () => {
    const poster = await newPoster({ startsAt: at(HOUR), endsAt: at(2 * HOUR) });
    const before = await figures();
    const early = await page(poster.token);
    expect(early.status).toBe(410);
    const earlyBody = await early.json();
    expect(earlyBody.error.code).toBe("poster_not_open");
    // 03:00Z is 11:00 in Shanghai.
    expect(earlyBody.error.message).toContain("2026年11月20日 11:00");
    const earlySend = await submit(poster.token);
    expect(earlySend.status).toBe(410);
    expect(await errorCode(earlySend)).toBe("poster_not_open");
    expect(await figures()).toEqual(before);

    clock.advance(HOUR);
    expect((await page(poster.token)).status).toBe(200);
    expect((await submit(poster.token)).status).toBe(201);

    clock.advance(HOUR);
    const late = await page(poster.token);
    expect(late.status).toBe(410);
    expect(await errorCode(late)).toBe("poster_closed");
    const after = await figures();
    expect(await errorCode(await submit(poster.token))).toBe("poster_closed");
    expect(await figures()).toEqual(after);
    const detail = await (await t.request(`/api/v1/posters/${poster.id}`, { cookie: admin })).json();
    expect(detail).toMatchObject({ status: "ended", startsAt: new Date(START.getTime() + HOUR).toISOString() });
  });

  it("can be set and cleared later (PATCH), taking effect at once, and each change is audited", async () => {
    const poster = await newPoster();
    expect((await submit(poster.token)).status).toBe(201);
    const closed = await t.request(`/api/v1/posters/${poster.id}`, { method: "PATCH", cookie: admin, json: { endsAt: at(-1000) } });
    expect(closed.status).toBe(200);
    expect(await closed.json()).toMatchObject({ status: "ended", startsAt: null });
    expect(await errorCode(await submit(poster.token))).toBe("poster_closed");

    const reopened = await t.request(`/api/v1/posters/${poster.id}`, { method: "PATCH", cookie: admin, json: { endsAt: null } });
    expect(await reopened.json()).toMatchObject({ status: "active", endsAt: null });
    expect((await submit(poster.token)).status).toBe(201);

    const audit = (
      await t.client.execute("select target, scope_unit, before, after from audit_log where action = 'posters.window' order by id")
    ).rows;
    expect(audit.map((a) => [a.target, a.scope_unit, JSON.parse(String(a.after)).endsAt])).toEqual([
      [poster.id, DEMO.community, at(-1000)],
      [poster.id, DEMO.community, null],
    ]);
  });

  it("refuses a window that ends before it starts, a bad instant, unknown fields (422), at creation and later", async () => {
    const posters = await countRows(t, "posters");
    for (const json of [{ startsAt: at(2 * HOUR), endsAt: at(HOUR) }, { startsAt: "tomorrow" }, { endsAt: "0000-01-01T00:00:00Z" }]) {
      const res = await t.request("/api/v1/posters", {
        method: "POST",
        cookie: admin,
        json: { unitCode: DEMO.community, surveyId: "resident", ...json },
      });
      expect(res.status, JSON.stringify(json)).toBe(422);
    }
    expect(await countRows(t, "posters")).toBe(posters);

    const poster = await newPoster({ startsAt: at(HOUR) });
    const audits = await countRows(t, "audit_log");
    for (const json of [{ endsAt: at(HOUR / 2) }, { revokedAt: null }, {}, { startsAt: 5 }]) {
      const res = await t.request(`/api/v1/posters/${poster.id}`, { method: "PATCH", cookie: admin, json });
      expect(res.status, JSON.stringify(json)).toBe(422);
    }
    expect(await countRows(t, "audit_log")).toBe(audits);
    const stored = (await t.client.execute({ sql: "select starts_at, ends_at from posters where id = ?", args: [poster.id] })).rows[0]!;
    expect([stored.starts_at, stored.ends_at]).toEqual([at(HOUR), null]);
  });

  it("applies to every poster of a batch, and the creation is audited in the same batch", async () => {
    const res = await t.request("/api/v1/posters/batch", {
      method: "POST",
      cookie: admin,
      json: { subdistrictCode: DEMO.xinshancun, surveyId: "resident", endsAt: at(HOUR) },
    });
    expect(res.status).toBe(201);
    const made = (await res.json()).posters as { id: string }[];
    expect(await countRows(t, "posters", `ends_at = '${at(HOUR)}'`)).toBe(made.length);
    const audit = (await t.client.execute("select scope_unit from audit_log where action = 'posters.create_batch'")).rows;
    expect(audit.map((a) => a.scope_unit)).toEqual([DEMO.xinshancun]);
    expect(await countRows(t, "audit_log", `action = 'posters.create' and scope_unit = '${DEMO.community}'`)).toBe(0);
    await newPoster();
    expect(await countRows(t, "audit_log", `action = 'posters.create' and scope_unit = '${DEMO.community}'`)).toBe(1);
  });
});
