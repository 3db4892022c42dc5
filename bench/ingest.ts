/**
 * Ingest bench (docs/benchmarks.md, "Ingest"): the full POST /api/v1/responses path of the Node
 * server on an embedded database (parse, compiled validation, idempotency, flags, rollups, a
 * durable commit before the reply) against a bare Hono + @libsql/client endpoint that inserts one
 * row per request, in the same run, alternating, at 50 connections on loopback.
 *
 *   npx tsx bench/ingest.ts            # 3 rounds of 10 s each side
 *   BENCH_ROUNDS=5 BENCH_SECONDS=15 npx tsx bench/ingest.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { median, runLoad } from "./lib/load";
import { startServerProcess } from "./lib/server-process";
import { report } from "./lib/report";
import { benchAdmin } from "./lib/admin-api";
import { residentSubmissions } from "./lib/qr-submissions";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

const dir = mkdtempSync(path.join(tmpdir(), "cw-ingest-"));

const ours = await startServerProcess("server/node.ts", 18787, {
  DATABASE_URL: `file:${path.join(dir, "ours.db")}`,
  ADMIN_PASSWORD: "bench-password-1",
  QR_RATE_LIMIT: "0",
  QR_BLOCK_LIMIT: "0",
});
const bare = await startServerProcess("bench/lib/bare-server.ts", 18788, { DATABASE_URL: `file:${path.join(dir, "bare.db")}` });

try {
  const poster = await (await benchAdmin(ours.url, "bench-password-1")).poster("500104001001", "resident");
  // Random v4 ids, as any client may send (our own pages send time-ordered v7: bench/ids.ts).
  const body = residentSubmissions(poster.token, { newId: () => crypto.randomUUID(), seed: 11 });

  // Warm both (JIT, page cache).
  await runLoad({ url: `${ours.url}/api/v1/responses`, connections: CONNECTIONS, durationMs: 2000, body });
  await runLoad({ url: `${bare.url}/api/v1/responses`, connections: CONNECTIONS, durationMs: 2000, body });

  const results: { ours: Awaited<ReturnType<typeof runLoad>>[]; bare: Awaited<ReturnType<typeof runLoad>>[] } = { ours: [], bare: [] };
  for (let round = 0; round < ROUNDS; round++) {
    results.ours.push(await runLoad({ url: `${ours.url}/api/v1/responses`, connections: CONNECTIONS, durationMs: SECONDS * 1000, body }));
    results.bare.push(await runLoad({ url: `${bare.url}/api/v1/responses`, connections: CONNECTIONS, durationMs: SECONDS * 1000, body }));
    const o = results.ours.at(-1)!;
    const b = results.bare.at(-1)!;
    console.log(
      `  round ${round + 1}: ours ${o.rps.toFixed(0)} req/s p99 ${o.p99.toFixed(1)} ms ${JSON.stringify(o.statuses)} | bare ${b.rps.toFixed(0)} req/s p99 ${b.p99.toFixed(1)} ms`,
    );
    if (o.errors || Object.keys(o.statuses).some((s) => s !== "201")) throw new Error(`our server answered ${JSON.stringify(o.statuses)}`);
  }
  const summary = {
    connections: CONNECTIONS,
    seconds: SECONDS,
    rounds: ROUNDS,
    oursRps: Math.round(median(results.ours.map((r) => r.rps))),
    oursP99Ms: +median(results.ours.map((r) => r.p99)).toFixed(1),
    bareRps: Math.round(median(results.bare.map((r) => r.rps))),
    bareP99Ms: +median(results.bare.map((r) => r.p99)).toFixed(1),
    ratioPerRound: results.ours.map((o, i) => +(o.rps / results.bare[i]!.rps).toFixed(2)),
  };
  report("ingest", { ...summary, medianRatio: median(summary.ratioPerRound) });
} finally {
  await ours.stop();
  await bare.stop();
  rmSync(dir, { recursive: true, force: true });
}
