/**
 * The rollups' metric_sums column (issue 18, migration 0011): the `m` part of `counts` kept
 * beside it so the rates read is answered from the covering index rollups_read_idx without
 * reading the wide rows. It must always equal json_extract(counts, '$.m'), whoever wrote the row.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { afterEach, describe, expect, it } from "vitest";
import { createDatabase } from "../../server/db/client";
import { MIGRATIONS_FOLDER, migrateDatabase } from "../../server/db/migrate";
import { countsOfResponse, parseCounts, parseMetricCounts, serializeCounts } from "../../server/services/rollups/rollup-counts";
import { periodRanges, unitChannelCountsQuery } from "../../server/services/rollups/rollup-queries";
import { DEMO, eligibleAnswers, qrBody } from "../helpers/fixtures";
import { createTestApp, type TestApp } from "../helpers/test-app";

const MISMATCHED = "select count(*) as n from rollups where metric_sums is not json_extract(counts, '$.m')";

let open: TestApp[] = [];
afterEach(() => {
  for (const t of open) t.close();
  open = [];
});

async function appWithResponses(options: { dropTriggers?: boolean } = {}) {
  const t = await createTestApp();
  open.push(t);
  if (options.dropTriggers) {
    await t.client.execute("drop trigger rollups_metric_sums_on_insert");
    await t.client.execute("drop trigger rollups_metric_sums_on_update");
  }
  const cookie = await t.login();
  for (const [unit, survey] of [
    [DEMO.community, "resident"],
    [DEMO.community2, "resident"],
    [DEMO.community, "shopkeeper"],
  ] as const) {
    const { token } = await t.createPoster(cookie, unit, survey);
    for (let i = 0; i < 4; i++) {
      const res = await t.request("/api/v1/responses", {
        method: "POST",
        json: qrBody(token, { surveyId: survey, answers: eligibleAnswers(survey) }),
      });
      expect(res.status, await res.clone().text()).toBe(201);
    }
  }
  return t;
}

async function count(t: TestApp, sql: string): Promise<number> {
  return Number((await t.client.execute(sql)).rows[0]!.n);
}

describe("rollups.metric_sums", () => {
  it("is written by the writer itself as exactly the m part of counts (triggers dropped)", async () => {
    const t = await appWithResponses({ dropTriggers: true });
    expect(await count(t, "select count(*) as n from rollups")).toBeGreaterThan(10);
    expect(await count(t, "select count(*) as n from rollups where metric_sums is null")).toBe(0);
    expect(await count(t, MISMATCHED)).toBe(0);
    // And it parses to the same sums as the counts it came from.
    const rows = (await t.client.execute("select counts, metric_sums from rollups")).rows;
    for (const r of rows) expect(parseMetricCounts(String(r.metric_sums)).m).toEqual(parseCounts(String(r.counts)).m);
  });

  it("is put right by the triggers when a write sets counts alone or a wrong value", async () => {
    const t = await appWithResponses();
    const counts = serializeCounts(countsOfResponse([], {}));
    const someCounts = (await t.client.execute("select counts from rollups where metric_sums != '{}' limit 1")).rows[0]!.counts as string;
    // As a build from before migration 0011 inserts and upserts: no metric_sums at all.
    await t.client.execute({
      sql: "insert into rollups (key, unit_code, period, survey_id, channel, flagged, responses, counts) values ('k1', ?, 'M:2026-01', 'resident', 'qr', 0, 1, ?)",
      args: [DEMO.community, someCounts],
    });
    await t.client.execute({
      sql: `insert into rollups (key, unit_code, period, survey_id, channel, flagged, responses, counts) values ('k1', ?, 'M:2026-01', 'resident', 'qr', 0, 1, ?)
            on conflict (key) do update set counts = excluded.counts`,
      args: [DEMO.community, counts],
    });
    expect((await t.client.execute("select metric_sums from rollups where key = 'k1'")).rows[0]!.metric_sums).toBe("{}");
    await t.client.execute({ sql: "update rollups set counts = ? where key = 'k1'", args: [someCounts] });
    await t.client.execute("update rollups set metric_sums = '{\"awareness\":[9,9,9,9,9,9,9,9]}'");
    expect(await count(t, MISMATCHED)).toBe(0);
    expect((await t.client.execute("select metric_sums from rollups where key = 'k1'")).rows[0]!.metric_sums).not.toBe("{}");
  });

  it("lets SQLite answer the rates read from the covering index, whatever the filter", async () => {
    const t = await appWithResponses();
    const codes = [DEMO.xinshancun, DEMO.community, DEMO.community2];
    for (const f of [{}, { audience: "resident" }, { channel: "qr" }, { from: "2026-03-15", to: "2026-05-31", includeFlagged: true }]) {
      const query = unitChannelCountsQuery(t.db, codes, f, periodRanges(f), false).toSQL();
      const plan = (await t.client.execute({ sql: `explain query plan ${query.sql}`, args: query.params as never[] })).rows.map((r) =>
        String(r.detail),
      );
      expect(plan.join(" | "), JSON.stringify(f)).toMatch(/USING COVERING INDEX rollups_read_idx/);
    }
  });
});

describe("migration 0011", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it("fills metric_sums for the rows written before it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cw-0011-"));
    dirs.push(dir);
    // The migrations as they stood before 0011.
    const before = join(dir, "migrations");
    cpSync(MIGRATIONS_FOLDER, before, { recursive: true });
    unlinkSync(join(before, "0011_rollup_metric_sums.sql"));
    const journalPath = join(before, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
    journal.entries = journal.entries.filter((e) => e.tag !== "0011_rollup_metric_sums");
    writeFileSync(journalPath, JSON.stringify(journal));

    const client = createClient({ url: `file:${join(dir, "old.db")}` });
    const db = createDatabase(client);
    await migrateDatabase(db, { embedded: true, folder: before });
    const texts = [
      serializeCounts(countsOfResponse([], {})),
      JSON.stringify({ m: { awareness: [3, 6, 5, 0, 0, 14, 9, 11] }, q: { a1: [6, 5] } }),
      // A row from before §7: five numbers per metric.
      JSON.stringify({ m: { satisfaction: [2, 4, 3, 17, 4] }, q: {} }),
    ];
    for (const [i, text] of texts.entries()) {
      await client.execute({
        sql: "insert into rollups (key, unit_code, period, survey_id, channel, flagged, responses, counts) values (?, ?, 'M:2026-01', 'resident', 'qr', 0, 1, ?)",
        args: [`k${i}`, DEMO.community, text],
      });
    }
    await migrateDatabase(db, { embedded: true });
    const rows = (await client.execute("select counts, metric_sums from rollups order by key")).rows;
    expect(rows.map((r) => r.metric_sums)).toEqual(["{}", '{"awareness":[3,6,5,0,0,14,9,11]}', '{"satisfaction":[2,4,3,17,4]}']);
    for (const r of rows) expect(parseMetricCounts(String(r.metric_sums))).toEqual({ ...parseCounts(String(r.counts)), q: {} });
    const indexes = (await client.execute("select name from sqlite_master where type = 'index' and tbl_name = 'rollups'")).rows.map(
      (r) => r.name,
    );
    expect(indexes).toContain("rollups_read_idx");
    expect(indexes).not.toContain("rollups_unit_period_idx");
    client.close();
  });
});
