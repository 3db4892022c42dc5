import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO } from "../helpers/fixtures";
import { buildRegisterCsv } from "../helpers/register-csv";
import { createTestApp, type TestApp } from "../helpers/test-app";

let t: TestApp;
let admin: string;
beforeEach(async () => {
  t = await createTestApp();
  admin = await t.login();
});
afterEach(() => t.close());

// Timing lives in bench/register-import.ts; here only that it completes and counts right.
describe("register import at district size", () => {
  it("imports 100,000 doors in one file, and a re-import adds none", async () => {
    const communities = [DEMO.community, DEMO.community2, DEMO.otherSubdistrictCommunity];
    const csv = buildRegisterCsv(100_000, communities);
    const send = async () => {
      const res = await t.request("/api/v1/register/import", {
        method: "POST",
        body: csv,
        cookie: admin,
        headers: { "content-type": "text/csv" },
      });
      expect(res.status).toBe(200);
      return res.json();
    };
    expect(await send()).toEqual({ rows: 100_000, added: 100_000, changed: 0, unchanged: 0 });
    const stored = await t.client.execute("select kind, count(*) as n from register_entries group by kind order by kind");
    expect(stored.rows.map((r) => [r.kind, r.n])).toEqual([
      ["household", 90_000],
      ["shop", 10_000],
    ]);
    expect(await send()).toEqual({ rows: 100_000, added: 0, changed: 0, unchanged: 100_000 });
  }, 240_000);
});
