/**
 * Census age shares of a unit (issue 13): validation refuses and stores nothing, scope is checked
 * on the target unit, the nearest ancestor's set is inherited, and every change is audited.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { countRows, DEMO } from "../../helpers/fixtures";
import { createTestApp, type TestApp } from "../../helpers/test-app";

let t: TestApp;
let admin: string;
beforeEach(async () => {
  t = await createTestApp();
  admin = await t.login();
});
afterEach(() => t.close());

const path = (code: string) => `/api/v1/units/${code}/age-shares`;
const put = (code: string, json: unknown, cookie = admin) => t.request(path(code), { method: "PUT", cookie, json });
const SHARES = { "18_29": 0.25, "30_39": 0.25, "40_49": 0.25, "50_65": 0.25 };

describe("PUT /units/{code}/age-shares", () => {
  it("refuses bad shares with a 4xx and stores nothing", async () => {
    const cases: [unknown, number, string][] = [
      [{ shares: {} }, 422, "invalid_request"],
      [{ shares: { "18_29": -0.1, "30_39": 1.1 } }, 422, "invalid_request"],
      [{ shares: { "18_29": "0.5" } }, 422, "invalid_request"],
      [{ shares: SHARES, extra: 1 }, 422, "invalid_request"],
      [{ shares: { "18_29": 0.5, "18_30": 0.5 } }, 422, "unknown_band"],
      [{ shares: { "18_29": 0.5, "30_39": 0.4 } }, 422, "shares_sum"],
      [{ shares: { "18_29": 0.6, "30_39": 0.6 } }, 422, "shares_sum"],
    ];
    for (const [json, status, code] of cases) {
      const res = await put(DEMO.dadukou, json);
      expect(res.status, JSON.stringify(json)).toBe(status);
      expect((await res.json()).error.code, JSON.stringify(json)).toBe(code);
    }
    const notJson = await t.request(path(DEMO.dadukou), {
      method: "PUT",
      cookie: admin,
      body: "x",
      headers: { "content-type": "text/plain" },
    });
    expect(notJson.status).toBe(400);
    expect((await put("999999999999", { shares: SHARES })).status).toBe(404);
    expect(await countRows(t, "unit_age_shares")).toBe(0);
    expect(await countRows(t, "audit_log", "action = 'units.age_shares'")).toBe(0);
  });

  it("accepts shares within ±0.03 of 1, including the ineligible bands, as given", async () => {
    const res = await put(DEMO.dadukou, {
      shares: { under18: 0.15, "18_29": 0.2, "30_39": 0.2, "40_49": 0.2, "50_65": 0.1, over65: 0.13 },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.shares.over65).toBe(0.13);
    expect(body.bands).toEqual(["under18", "18_29", "30_39", "40_49", "50_65", "over65"]);
  });

  it("holds a subdistrict admin to its own subtree", async () => {
    const sub = await t.createUser(admin, { username: "sub-admin", password: "sub-admin-pass-1", role: "admin", scope: DEMO.xinshancun });
    for (const code of [DEMO.qijiang, DEMO.qijiangCommunity, DEMO.dadukou, DEMO.city]) {
      expect((await put(code, { shares: SHARES }, sub)).status, code).toBe(403);
      expect((await t.request(path(code), { method: "DELETE", cookie: sub })).status, code).toBe(403);
    }
    expect(await countRows(t, "unit_age_shares")).toBe(0);
    expect((await put(DEMO.community, { shares: SHARES }, sub)).status).toBe(200);
    const office = await t.createUser(admin, {
      username: "sub-office",
      password: "sub-office-pass-1",
      role: "office",
      scope: DEMO.xinshancun,
    });
    expect((await put(DEMO.community, { shares: SHARES }, office)).status).toBe(403);
    expect((await t.request(path(DEMO.community), { cookie: office })).status).toBe(200);
    expect((await t.request(path(DEMO.qijiang), { cookie: office })).status).toBe(403);
  });
});

describe("inheritance and audit", () => {
  it("reads the nearest ancestor's set, and removing a unit's own falls back further up", async () => {
    const none = await (await t.request(path(DEMO.community), { cookie: admin })).json();
    expect([none.shares, none.source, none.inheritedFrom, none.own]).toEqual([null, null, null, null]);

    expect((await put(DEMO.dadukou, { shares: SHARES })).status).toBe(200);
    expect((await put(DEMO.xinshancun, { shares: { "30_39": 1 } })).status).toBe(200);
    let body = await (await t.request(path(DEMO.community), { cookie: admin })).json();
    expect(body.shares).toEqual({ "30_39": 1 });
    expect(body.inheritedFrom.code).toBe(DEMO.xinshancun);
    expect(body.own).toBeNull();
    expect(body.updatedBy).toBe("admin");

    const own = await (await t.request(path(DEMO.xinshancun), { cookie: admin })).json();
    expect([own.inheritedFrom, own.source.code, own.own]).toEqual([null, DEMO.xinshancun, { "30_39": 1 }]);

    const removed = await t.request(path(DEMO.xinshancun), { method: "DELETE", cookie: admin });
    expect(removed.status).toBe(200);
    expect((await removed.json()).inheritedFrom.code).toBe(DEMO.dadukou);
    body = await (await t.request(path(DEMO.community), { cookie: admin })).json();
    expect([body.shares, body.inheritedFrom.code]).toEqual([SHARES, DEMO.dadukou]);
    // Another district inherits nothing from 大渡口区.
    const other = await (await t.request(path(DEMO.qijiangCommunity), { cookie: admin })).json();
    expect(other.shares).toBeNull();
  });

  it("writes one audit entry per change, none for a change that changes nothing", async () => {
    await put(DEMO.dadukou, { shares: SHARES });
    await put(DEMO.dadukou, { shares: SHARES });
    await put(DEMO.dadukou, { shares: { "18_29": 1 } });
    expect((await t.request(path(DEMO.dadukou), { method: "DELETE", cookie: admin })).status).toBe(200);
    // Nothing of its own left: 404 in the error shape, nothing written.
    const again = await t.request(path(DEMO.dadukou), { method: "DELETE", cookie: admin });
    expect([again.status, (await again.json()).error.code]).toEqual([404, "not_found"]);
    const rows = (
      await t.client.execute("select actor, target, before, after, scope_unit from audit_log where action = 'units.age_shares' order by id")
    ).rows.map((r) => ({ ...r, before: JSON.parse(String(r.before)), after: JSON.parse(String(r.after)) }));
    expect(rows).toEqual([
      { actor: "admin", target: DEMO.dadukou, before: null, after: SHARES, scope_unit: DEMO.dadukou },
      { actor: "admin", target: DEMO.dadukou, before: SHARES, after: { "18_29": 1 }, scope_unit: DEMO.dadukou },
      { actor: "admin", target: DEMO.dadukou, before: { "18_29": 1 }, after: null, scope_unit: DEMO.dadukou },
    ]);
    expect(await countRows(t, "unit_age_shares")).toBe(0);
  });
});
