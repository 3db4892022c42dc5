/**
 * Register import bench (issue 16, docs/field-operations.md): a CSV of 100,000 doors (90 %
 * households, 10 % shops) over the demo district's communities through
 * POST /api/v1/register/import/preview, the import, and a re-import of the same file (nothing to
 * write), on a fresh embedded libSQL file per run, timed in-process with `app.request`; medians.
 *
 *   npx tsx bench/register-import.ts
 *   BENCH_RUNS=3 BENCH_REGISTER_ROWS=200000 npx tsx bench/register-import.ts
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
import { buildRegisterCsv } from "../test/helpers/register-csv";
import { report } from "./lib/report";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ROWS = Number(process.env.BENCH_REGISTER_ROWS ?? 100_000);
const PASSWORD = "bench-admin-password-1";
const COMMUNITIES = ["500104001001", "500104001002", "500104002001"];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function oneRun(csv: string) {
  const dir = mkdtempSync(path.join(tmpdir(), "cw-bench-register-"));
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
      if (res.status !== 200 || (body.errors?.length ?? 0) > 0)
        throw new Error(`${route}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      return { ms, body };
    };
    const preview = await send("/api/v1/register/import/preview");
    const apply = await send("/api/v1/register/import");
    const reimport = await send("/api/v1/register/import");
    if (apply.body.added !== ROWS || reimport.body.added !== 0) throw new Error("wrong counts");
    return { preview: preview.ms, apply: apply.ms, reimport: reimport.ms };
  } finally {
    client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const csv = buildRegisterCsv(ROWS, COMMUNITIES);
console.log(`CSV: ${ROWS} doors, ${(csv.length / 1024 / 1024).toFixed(1)} MB; ${RUNS} runs`);
const runs: { preview: number; apply: number; reimport: number }[] = [];
for (let i = 0; i < RUNS; i++) {
  const r = await oneRun(csv);
  runs.push(r);
  console.log(`run ${i + 1}: preview ${r.preview.toFixed(0)} ms, import ${r.apply.toFixed(0)} ms, re-import ${r.reimport.toFixed(0)} ms`);
}
const m = (k: "preview" | "apply" | "reimport") => Math.round(median(runs.map((r) => r[k])));
report("register-import", { doors: ROWS, runs: RUNS, previewMs: m("preview"), importMs: m("apply"), reimportMs: m("reimport") });
console.log(`median: preview ${m("preview")} ms, import ${m("apply")} ms, re-import ${m("reimport")} ms (${ROWS} doors)`);
