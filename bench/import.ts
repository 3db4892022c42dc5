/**
 * Import bench (docs/benchmarks.md, "Import"): a CSV of ~50,000 units (10 districts × 25
 * subdistricts × 200 communities) through POST /api/v1/units/import/preview and then
 * POST /api/v1/units/import on a fresh embedded libSQL file, then a re-import of the same file
 * (nothing to write). Each step is timed in-process with `app.request`; BENCH_RUNS fresh
 * databases, medians reported.
 *
 *   npx tsx bench/import.ts
 *   BENCH_RUNS=3 BENCH_COMMUNITIES=400 npx tsx bench/import.ts   # ~100,000 units
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { createApp } from "../server/app";
import { loadConfig } from "../server/config";
import { createDatabase } from "../server/db/client";
import { migrateDatabase } from "../server/db/migrate";
import { bootstrapDatabase } from "../server/services/setup/bootstrap";
import { shippedSurveys } from "../surveys/index";
import { buildHierarchyCsv } from "../test/helpers/hierarchy-csv";
import { report } from "./lib/report";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const COMMUNITIES = Number(process.env.BENCH_COMMUNITIES ?? 200);
const PASSWORD = "bench-admin-password-1";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function oneRun(csv: string): Promise<{ preview: number; apply: number; reimport: number; units: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), "cw-bench-import-"));
  const client = createClient({ url: `file:${path.join(dir, "bench.db")}` });
  try {
    const db = createDatabase(client);
    await migrateDatabase(db, { embedded: true });
    const config = loadConfig({ ADMIN_PASSWORD: PASSWORD });
    const boot = await bootstrapDatabase(db, config, shippedSurveys, new Date());
    const app = createApp({ db, config, secret: boot.secret });
    const login = await app.request("/api/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: PASSWORD }),
    });
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const send = async (route: string) => {
      const started = performance.now();
      const res = await app.request(route, {
        method: "POST",
        body: csv,
        headers: { cookie, origin: "http://localhost", "content-type": "text/csv" },
      });
      const body = (await res.json()) as { added: number; errors?: unknown[] };
      const ms = performance.now() - started;
      if (res.status !== 200 || body.errors?.length) throw new Error(`${route}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      return { ms, body };
    };
    const preview = await send("/api/v1/units/import/preview");
    const apply = await send("/api/v1/units/import");
    const reimport = await send("/api/v1/units/import");
    if (reimport.body.added !== 0) throw new Error("re-import added units");
    const closure = await client.execute("select count(*) n from unit_closure where descendant like '99%'");
    if (Number(closure.rows[0]!.n) === 0) throw new Error("no closure rows written");
    return { preview: preview.ms, apply: apply.ms, reimport: reimport.ms, units: apply.body.added };
  } finally {
    client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const csv = buildHierarchyCsv({ districts: 10, subdistricts: 25, communities: COMMUNITIES });
console.log(`CSV: ${csv.units} units, ${(csv.text.length / 1024 / 1024).toFixed(1)} MB, ${csv.closureRows} closure rows; ${RUNS} runs`);
const runs = [];
for (let i = 0; i < RUNS; i++) {
  const r = await oneRun(csv.text);
  runs.push(r);
  console.log(`run ${i + 1}: preview ${r.preview.toFixed(0)} ms, import ${r.apply.toFixed(0)} ms, re-import ${r.reimport.toFixed(0)} ms`);
}
report("import", {
  units: csv.units,
  runs: RUNS,
  previewMs: Math.round(median(runs.map((r) => r.preview))),
  importMs: Math.round(median(runs.map((r) => r.apply))),
  reimportMs: Math.round(median(runs.map((r) => r.reimport))),
});
console.log(
  `median: preview ${median(runs.map((r) => r.preview)).toFixed(0)} ms, import ${median(runs.map((r) => r.apply)).toFixed(0)} ms, ` +
    `re-import ${median(runs.map((r) => r.reimport)).toFixed(0)} ms (${csv.units} units)`,
);
