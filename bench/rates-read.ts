/**
 * CPU per dashboard read on a database kept by bench/rates.ts (docs/benchmarks.md, "A covering
 * index for the rates read"): one URL read 30 times to warm up, then the median CPU time of 5
 * rounds of 20 reads, in process (app.request, the synchronous embedded driver, so CPU is what a
 * read costs on an idle core). Run it from two checkouts in turn on the same file to compare read
 * code; BENCH_PROFILE=1 also prints where the time goes (self and inclusive shares).
 *
 *   BENCH_DB=/tmp/prov/10000000 npx tsx bench/rates-read.ts
 *   BENCH_DB=/tmp/prov/10000000 BENCH_URL='/api/v1/rates?unit=590000000000' npx tsx bench/rates-read.ts
 */
import { Session } from "node:inspector/promises";
import { createClient } from "@libsql/client";
import { shippedSurveys } from "../surveys/index";
import { createApp } from "../server/app";
import { loadConfig } from "../server/config";
import { createDatabase } from "../server/db/client";
import { bootstrapDatabase } from "../server/services/setup/bootstrap";
import { inProcessReader } from "./lib/admin-api";
import { summarise, type CpuProfile } from "./lib/cpu-profile";

const dir = process.env.BENCH_DB;
if (!dir) throw new Error("BENCH_DB: a directory bench/rates.ts kept (BENCH_KEEP=…/<size>)");
const url = process.env.BENCH_URL ?? "/api/v1/rates?unit=591000000000";
const db = createDatabase(createClient({ url: `file:${dir}/bench.db` }));
const config = loadConfig({ ADMIN_PASSWORD: "bench-password-1", SEED_DEMO: "0" });
const boot = await bootstrapDatabase(db, config, shippedSurveys, new Date());
const app = createApp({ db, config, secret: boot.secret });
const { read: reader } = await inProcessReader(app, "bench-password-1");
const read = async () => (await reader(url)).text();

for (let i = 0; i < 30; i++) await read();
const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const rounds: number[] = [];
for (let r = 0; r < 5; r++) {
  const before = cpuMs();
  for (let i = 0; i < 20; i++) await read();
  rounds.push((cpuMs() - before) / 20);
}
rounds.sort((a, b) => a - b);
console.log(
  `BENCH_RESULT ${JSON.stringify({ bench: "rates-read", url, cpuMsPerRead: +rounds[2]!.toFixed(2), rounds: rounds.map((x) => +x.toFixed(1)) })}`,
);

if (process.env.BENCH_PROFILE === "1") {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
  await session.post("Profiler.start");
  for (let i = 0; i < 200; i++) await read();
  const { profile } = await session.post("Profiler.stop");
  console.log(summarise(profile as unknown as CpuProfile));
}
process.exit(0);
