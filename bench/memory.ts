/**
 * Memory bench (docs/benchmarks.md, "Memory"): the Node server's resident memory while it takes
 * 100,000 QR submissions, sampled right after a full GC in the server (bench/lib/gc-on-signal.ts)
 * so uncollected garbage does not count. The target: flat within 10% from warm-up to the end.
 *
 *   npx tsx bench/memory.ts                  # 100,000 submissions
 *   BENCH_SUBMISSIONS=20000 npx tsx bench/memory.ts
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { shippedSurveys } from "../surveys/index";
import { generateAnswers, seededRng } from "../test/helpers/answer-generator";
import { runLoad } from "./lib/load";
import { startServerProcess } from "./lib/server-process";
import { report } from "./lib/report";
import { benchAdmin } from "./lib/admin-api";

const TOTAL = Number(process.env.BENCH_SUBMISSIONS ?? 100_000);
const WARMUP = Math.round(TOTAL / 10);
const STEP = Math.round(TOTAL / 10);

const dir = mkdtempSync(path.join(tmpdir(), "cw-memory-"));
const pools = Object.fromEntries(
  shippedSurveys.map((s) => [s.id, Array.from({ length: 100 }, (_, i) => generateAnswers(s.json, seededRng(i + 1)))]),
);
const memoryFile = path.join(dir, "memory.json");
const server = await startServerProcess(
  "server/node.ts",
  18789,
  {
    DATABASE_URL: `file:${path.join(dir, "memory.db")}`,
    ADMIN_PASSWORD: "bench-password-1",
    QR_RATE_LIMIT: "0",
    QR_BLOCK_LIMIT: "0",
    // Answers are dated over 90 days on purpose (rollups grow as in a campaign): no QR clock window.
    QR_CLOCK_BACK_HOURS: "0",
    CW_MEMORY_FILE: memoryFile,
  },
  ["--expose-gc", "--import", "./bench/lib/gc-on-signal.ts"],
);

/** RSS and live heap right after a full GC in the server. */
async function measure(): Promise<{ rssMb: number; heapMb: number }> {
  rmSync(memoryFile, { force: true });
  server.signal("SIGUSR2");
  for (let i = 0; i < 50 && !existsSync(memoryFile); i++) await new Promise((r) => setTimeout(r, 100));
  const m = JSON.parse(readFileSync(memoryFile, "utf8")) as { rss: number; heapUsed: number };
  return { rssMb: +(m.rss / 2 ** 20).toFixed(1), heapMb: +(m.heapUsed / 2 ** 20).toFixed(1) };
}
try {
  const admin = await benchAdmin(server.url, "bench-password-1");
  const makePoster = async (unitCode: string, surveyId: string) => (await admin.poster(unitCode, surveyId)).token;
  const targets = [
    { surveyId: "resident", token: await makePoster("500104001001", "resident") },
    { surveyId: "shopkeeper", token: await makePoster("500104002001", "shopkeeper") },
    { surveyId: "parent", token: await makePoster("500104S01", "parent") },
  ];
  const now = Date.now();
  let sent = 0;
  const body = () => {
    const i = sent++;
    const t = targets[i % 3]!;
    return JSON.stringify({
      id: crypto.randomUUID(),
      surveyId: t.surveyId,
      surveyVersion: 1,
      channel: "qr",
      token: t.token,
      answers: pools[t.surveyId]![i % 100],
      // Spread over 90 days so rollups grow the way they do in a campaign.
      startedAt: new Date(now - (i % 90) * 86_400_000 - 300_000).toISOString(),
      completedAt: new Date(now - (i % 90) * 86_400_000).toISOString(),
      deviceId: `mem-${i}`,
    });
  };
  const samples: { submissions: number; rssMb: number; heapMb: number }[] = [];
  const send = async (n: number) => {
    const r = await runLoad({ url: `${server.url}/api/v1/responses`, connections: 50, durationMs: 600_000, maxRequests: n, body });
    if (r.errors || Object.keys(r.statuses).some((s) => s !== "201")) throw new Error(`answers ${JSON.stringify(r.statuses)}`);
  };
  await send(WARMUP);
  samples.push({ submissions: WARMUP, ...(await measure()) });
  while (sent < TOTAL) {
    await send(Math.min(STEP, TOTAL - sent));
    samples.push({ submissions: sent, ...(await measure()) });
    console.log(`  ${sent} submissions: RSS ${samples.at(-1)!.rssMb} MB, live heap ${samples.at(-1)!.heapMb} MB (after GC)`);
  }
  const first = samples[0]!.rssMb;
  const heapFirst = samples[0]!.heapMb;
  const heapLast = samples.at(-1)!.heapMb;
  const peak = Math.max(...samples.map((s) => s.rssMb));
  const last = samples.at(-1)!.rssMb;
  report("memory", {
    submissions: TOTAL,
    rssAfterWarmupMb: +first.toFixed(1),
    rssEndMb: +last.toFixed(1),
    rssPeakMb: +peak.toFixed(1),
    growthPercent: +(((last - first) / first) * 100).toFixed(1),
    peakGrowthPercent: +(((peak - first) / first) * 100).toFixed(1),
    heapAfterWarmupMb: heapFirst,
    heapEndMb: heapLast,
    heapGrowthPercent: +(((heapLast - heapFirst) / heapFirst) * 100).toFixed(1),
  });
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
