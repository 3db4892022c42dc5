/**
 * Export bench (docs/benchmarks.md, "Export"): 100,000 resident responses (full generated answers
 * over the demo city's communities), then GET /api/v1/exports/responses for the whole city as XLSX
 * and as CSV from the Node server in its own process: time to the last byte, bytes, and the
 * server's peak RSS sampled every 50 ms from /proc while the file streams. Target: ≤ 10 s and
 * ≤ 250 MB each.
 *
 *   npx tsx bench/export.ts
 *   BENCH_EXPORT_ROWS=20000 npx tsx bench/export.ts
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { shippedSurveys } from "../surveys/index";
import { loadConfig } from "../server/config";
import { createDatabase } from "../server/db/client";
import { migrateDatabase } from "../server/db/migrate";
import { responses } from "../server/db/schema";
import { chunk } from "../server/lib/chunk";
import { bootstrapDatabase } from "../server/services/setup/bootstrap";
import { generateAnswers, seededRng } from "../test/helpers/answer-generator";
import { report } from "./lib/report";
import { startServerProcess } from "./lib/server-process";

const ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 100_000);
const PASSWORD = "bench-password-1";
const CITY = "500000000000";
const BUILT_SERVER = "dist/server/node.mjs";

const dir = mkdtempSync(path.join(tmpdir(), "cw-export-"));
const url = `file:${path.join(dir, "export.db")}`;

/** Seeds the responses straight into the table (the export reads raw rows; rollups play no part). */
async function seed() {
  const client = createClient({ url });
  const db = createDatabase(client);
  await migrateDatabase(db, { embedded: true });
  await bootstrapDatabase(db, loadConfig({ ADMIN_PASSWORD: PASSWORD }), shippedSurveys, new Date());
  const leaves = (await client.execute("select code from units where kind = 'community'")).rows.map((r) => String(r.code));
  const json = shippedSurveys.find((s) => s.id === "resident")!.json;
  const t = performance.now();
  const pool = Array.from({ length: 20 }, (_, i) => JSON.stringify(generateAnswers(json, seededRng(i + 1))));
  console.log(`  answer pool in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const start = Date.parse("2026-09-01T00:00:00Z");
  for (let done = 0; done < ROWS; ) {
    const size = Math.min(20_000, ROWS - done);
    const rows: (typeof responses.$inferInsert)[] = [];
    for (let i = 0; i < size; i++) {
      const n = done + i;
      const at = new Date(start + ((n * 7919) % (90 * 86_400)) * 1000);
      rows.push({
        id: crypto.randomUUID(),
        surveyId: "resident",
        surveyVersion: 1,
        unitCode: leaves[n % leaves.length]!,
        channel: n % 3 ? "qr" : "interview",
        answers: pool[n % pool.length]!,
        startedAt: new Date(at.getTime() - 300_000).toISOString(),
        completedAt: at.toISOString(),
        day: new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10),
        receivedAt: at.toISOString(),
        deviceId: `bench-${n}`,
        interviewer: n % 3 ? null : "bench-iv",
        contentHash: "x",
      });
    }
    await db.transaction(async (tx) => {
      for (const part of chunk(rows, 200)) await tx.insert(responses).values(part);
    });
    done += size;
  }
  client.close();
}

const t0 = performance.now();
await seed();
console.log(`  seeded ${ROWS} responses in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

// The built entry, as `npm start` runs it: its memory is what a deployment has (tsx alone held ~90 MB more).
if (!existsSync(BUILT_SERVER)) throw new Error(`${BUILT_SERVER} is missing: run \`npm run build\` first`);
const server = await startServerProcess(BUILT_SERVER, 18791, { DATABASE_URL: url, ADMIN_PASSWORD: PASSWORD });
try {
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url },
    body: JSON.stringify({ username: "admin", password: PASSWORD }),
  });
  const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
  for (const format of ["xlsx", "csv"] as const) {
    const idleMb = server.rssMb();
    let peakMb = idleMb;
    const sampler = setInterval(() => {
      peakMb = Math.max(peakMb, server.rssMb());
    }, 50);
    const started = performance.now();
    // identity: the bench measures the export, not gzip (browsers get it compressed when text).
    const res = await fetch(`${server.url}/api/v1/exports/responses?unit=${CITY}&survey=resident&format=${format}`, {
      headers: { cookie, "accept-encoding": "identity" },
    });
    if (res.status !== 200) throw new Error(`export ${format}: ${res.status} ${await res.text()}`);
    const firstByteMs = performance.now() - started;
    let bytes = 0;
    const reader = res.body!.getReader();
    for (let part = await reader.read(); !part.done; part = await reader.read()) bytes += part.value.length;
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peakMb = Math.max(peakMb, server.rssMb());
    const rows = Number(res.headers.get("x-export-rows"));
    if (rows !== ROWS) throw new Error(`export ${format}: ${rows} rows, expected ${ROWS}`);
    console.log(
      `  ${format}: ${rows} rows, ${(bytes / 2 ** 20).toFixed(1)} MB in ${seconds.toFixed(2)} s (first byte ${firstByteMs.toFixed(0)} ms); server RSS ${idleMb.toFixed(0)} -> peak ${peakMb.toFixed(0)} MB`,
    );
    report("export", {
      format,
      rows,
      seconds: +seconds.toFixed(2),
      megabytes: +(bytes / 2 ** 20).toFixed(1),
      firstByteMs: Math.round(firstByteMs),
      idleRssMb: Math.round(idleMb),
      peakRssMb: Math.round(peakMb),
      target: "≤ 10 s, ≤ 250 MB",
    });
  }
} finally {
  await server.stop();
  if (!process.env.BENCH_KEEP_DB) rmSync(dir, { recursive: true, force: true });
  else console.log(`  kept ${dir}`);
}
