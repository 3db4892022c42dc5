/**
 * Ingest bench (docs/benchmarks.md, "Ingest"): the full POST /api/v1/responses path of the Node
 * server on an embedded database (parse, compiled validation, idempotency, flags, rollups, a
 * durable commit before the reply) against a bare Hono + @libsql/client endpoint that inserts one
 * row per request, in the same run, alternating, at 50 connections on loopback.
 *
 *   npx tsx bench/ingest.ts            # 3 rounds of 10 s each side
 *   BENCH_ROUNDS=5 BENCH_SECONDS=15 npx tsx bench/ingest.ts
 *   BENCH_OTHER_BUILD=/tmp/old/server/node.mjs npx tsx bench/ingest.ts   # a second build of ours, alternating
 *
 * The other build must sit inside a checkout (it finds the repository root by package.json).
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
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

// The built entry, as `npm start` runs it (tsx at run time costs CPU and memory the product never pays).
const BUILT_SERVER = "dist/server/node.mjs";
if (!existsSync(BUILT_SERVER)) throw new Error(`${BUILT_SERVER} is missing: run \`npm run build\` first`);

const dir = mkdtempSync(path.join(tmpdir(), "cw-ingest-"));

const ours = await startServerProcess(BUILT_SERVER, 18787, {
  DATABASE_URL: `file:${path.join(dir, "ours.db")}`,
  ADMIN_PASSWORD: "bench-password-1",
  QR_RATE_LIMIT: "0",
  QR_BLOCK_LIMIT: "0",
});
const bare = await startServerProcess("bench/lib/bare-server.ts", 18788, { DATABASE_URL: `file:${path.join(dir, "bare.db")}` });
const OTHER_BUILD = process.env.BENCH_OTHER_BUILD;
const other = OTHER_BUILD
  ? await startServerProcess(OTHER_BUILD, 18789, {
      DATABASE_URL: `file:${path.join(dir, "other.db")}`,
      ADMIN_PASSWORD: "bench-password-1",
      QR_RATE_LIMIT: "0",
      QR_BLOCK_LIMIT: "0",
    })
  : undefined;

try {
  const poster = await (await benchAdmin(ours.url, "bench-password-1")).poster("500104001001", "resident");
  // Random v4 ids, as any client may send (our own pages send time-ordered v7: bench/ids.ts).
  const body = residentSubmissions(poster.token, { newId: () => crypto.randomUUID(), seed: 11 });

  // Warm both (JIT, page cache).
  await runLoad({ url: `${ours.url}/api/v1/responses`, connections: CONNECTIONS, durationMs: 2000, body });
  await runLoad({ url: `${bare.url}/api/v1/responses`, connections: CONNECTIONS, durationMs: 2000, body });
  const otherPoster = other && (await (await benchAdmin(other.url, "bench-password-1")).poster("500104001001", "resident"));
  const otherBody = otherPoster && residentSubmissions(otherPoster.token, { newId: () => crypto.randomUUID(), seed: 11 });
  const loadOther = () =>
    runLoad({ url: `${other!.url}/api/v1/responses`, connections: CONNECTIONS, durationMs: SECONDS * 1000, body: otherBody! });
  if (other) await runLoad({ url: `${other.url}/api/v1/responses`, connections: CONNECTIONS, durationMs: 2000, body: otherBody! });
  const others: Awaited<ReturnType<typeof runLoad>>[] = [];

  const results: { ours: Awaited<ReturnType<typeof runLoad>>[]; bare: Awaited<ReturnType<typeof runLoad>>[] } = { ours: [], bare: [] };
  for (let round = 0; round < ROUNDS; round++) {
    results.ours.push(await runLoad({ url: `${ours.url}/api/v1/responses`, connections: CONNECTIONS, durationMs: SECONDS * 1000, body }));
    results.bare.push(await runLoad({ url: `${bare.url}/api/v1/responses`, connections: CONNECTIONS, durationMs: SECONDS * 1000, body }));
    if (other) others.push(await loadOther());
    const o = results.ours.at(-1)!;
    const b = results.bare.at(-1)!;
    console.log(
      `  round ${round + 1}: ours ${o.rps.toFixed(0)} req/s p99 ${o.p99.toFixed(1)} ms ${JSON.stringify(o.statuses)} | bare ${b.rps.toFixed(0)} req/s p99 ${b.p99.toFixed(1)} ms | generator CPU ${o.clientCpuPercent}% / ${b.clientCpuPercent}%`,
    );
    if (other) {
      const x = others.at(-1)!;
      console.log(
        `           other build ${x.rps.toFixed(0)} req/s p99 ${x.p99.toFixed(1)} ms ${JSON.stringify(x.statuses)} (ours / other ${(o.rps / x.rps).toFixed(2)})`,
      );
    }
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
    generatorCpuPercent: median(results.ours.map((r) => r.clientCpuPercent)),
    ...(other ? { otherBuildRatioPerRound: results.ours.map((o, i) => +(o.rps / others[i]!.rps).toFixed(2)) } : {}),
  };
  report("ingest", { ...summary, medianRatio: median(summary.ratioPerRound) });
} finally {
  await ours.stop();
  await bare.stop();
  await other?.stop();
  rmSync(dir, { recursive: true, force: true });
}
