/**
 * A soak (issue 18): a Node server process on a file database takes QR submissions at a fixed
 * offered rate for a fixed time from an open-loop generator in a third process
 * (soak-generator.ts), while its RSS is sampled from /proc/<pid>/status every second. Then:
 * - every submission got an answer, and every answer was 201 (none refused, none lost);
 * - every acknowledged id is in the database exactly once, and nothing else is;
 * - the incremental rollups equal a rebuild from the raw responses;
 * - RSS in the last 15 s is within ±10% of RSS in the 15 s after the warm-up (JIT, caches, the
 *   first rollup rows and the allocator settling: 15 s by default; the 10-minute bench takes its
 *   first minute, where a quiet run's RSS rose to ~206 MB and settled at ~165 MB for the rest).
 * Used by test/reliability/soak.test.ts (60 s, CI) and bench/soak.ts (10 min, docs/reliability.md).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { systemClock } from "../../../server/lib/clock";
import { rebuildRollups } from "../../../server/services/rollups/rollup-rebuild";
import { createSurveyRegistry } from "../../../server/services/surveys/survey-registry";
import { DEMO, validAnswers } from "../../helpers/fixtures";
import { freePort } from "../../helpers/processes";
import { adminCookie, openFile, percentile, rollupRows, setUpPosters, sleep, startServerProcess } from "./server-process";

export interface SoakOptions {
  /** Offered submissions per second. */
  rate: number;
  seconds: number;
  /** The server entry: server/node.ts (tsx) by default, or the built dist/server/node.mjs. */
  entry?: string;
  /** Seconds per RSS window compared (default 15). */
  windowSeconds?: number;
  /** Seconds before the baseline RSS window (default: one window). */
  warmupSeconds?: number;
}

export interface SoakResult {
  rate: number;
  seconds: number;
  offered: number;
  answered: number;
  statuses: Record<string, number>;
  achievedRate: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  stored: number;
  missing: number;
  unexpected: number;
  rollupRows: number;
  rollupsMatchRebuild: boolean;
  /** Median RSS (MB) of the window after the warm-up (`rssSecondWindowMb`: the second window with the default warm-up) and of the last one, and the change between them. */
  rssSecondWindowMb: number;
  rssLastWindowMb: number;
  rssChangePercent: number;
  rssPeakMb: number;
  /** p99 latency (ms) of the submissions sent in each window, to tell a backlog from a slow start. */
  p99PerWindowMs: number[];
  /** RSS every second, MB. */
  rssSamplesMb: number[];
}

const POOL_SIZE = 40;

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const windowSeconds = options.windowSeconds ?? 15;
  const warmupSeconds = options.warmupSeconds ?? windowSeconds;
  if (options.seconds < warmupSeconds + 2 * windowSeconds) throw new Error("a soak needs its warm-up and two RSS windows");
  const dir = mkdtempSync(join(tmpdir(), "cw-soak-"));
  const dbPath = join(dir, "survey.db");
  const server = await startServerProcess({ dbPath, port: await freePort(), logDir: dir, name: "server", entry: options.entry });
  try {
    const { posters, versions } = await setUpPosters(server.url, await adminCookie(server.url), [
      [DEMO.community, "resident"],
      [DEMO.community2, "resident"],
      [DEMO.otherSubdistrictCommunity, "resident"],
      [DEMO.qijiangCommunity, "shopkeeper"],
    ]);
    const now = Date.now();
    // Answer sets come from SurveyJS (~50 ms each), so a pool; id and device are new per submission.
    const bodies = Array.from({ length: POOL_SIZE }, (_, i) => {
      const poster = posters[i % posters.length]!;
      return JSON.stringify({
        id: "__ID__",
        surveyId: poster.surveyId,
        surveyVersion: versions[poster.surveyId],
        channel: "qr",
        token: poster.token,
        answers: validAnswers(poster.surveyId, 88_000 + i),
        startedAt: new Date(now - 6 * 60_000).toISOString(),
        completedAt: new Date(now - 60_000).toISOString(),
        deviceId: "__DEVICE__",
      });
    });
    const resultFile = join(dir, "answers.txt");
    const input = { url: server.url, rate: options.rate, seconds: options.seconds, resultFile, bodies };
    const generator = spawn(process.execPath, ["--import", "tsx", "test/reliability/lib/soak-generator.ts", JSON.stringify(input)], {
      cwd: process.cwd(),
      stdio: ["ignore", "inherit", "inherit"],
    });
    const generatorDone = new Promise<number | null>((resolve) => generator.once("exit", resolve));
    let generatorExited = false;
    void generatorDone.then(() => {
      generatorExited = true;
    });
    const samples: number[] = [];
    try {
      const started = Date.now();
      for (let i = 0; i < options.seconds && !generatorExited; i++) {
        samples.push(rssMb(server.pid));
        await sleep(Math.max(0, started + (i + 1) * 1000 - Date.now()));
      }
      // Generous: the last answers may take a while on a loaded machine.
      const code = await Promise.race([generatorDone, sleep(120_000).then(() => "late" as const)]);
      if (code === "late") throw new Error("soak: the generator did not finish within 2 minutes of the end");
      if (code !== 0) throw new Error(`soak: the generator exited with ${code}`);
    } finally {
      if (!generatorExited) generator.kill("SIGKILL");
    }

    const lines = readFileSync(resultFile, "utf8").trim().split("\n");
    const statuses: Record<string, number> = {};
    const latencies: number[] = [];
    const perWindow: number[][] = [];
    const acked = new Set<string>();
    for (const line of lines) {
      const [id, status, ms, sentAt] = line.split(" ");
      statuses[status!] = (statuses[status!] ?? 0) + 1;
      latencies.push(Number(ms));
      const w = Math.floor(Number(sentAt) / 1000 / windowSeconds);
      (perWindow[w] ??= []).push(Number(ms));
      if (status === "201") acked.add(id!);
    }
    latencies.sort((a, b) => a - b);
    await server.stop();

    const db = openFile(dbPath);
    try {
      const ids = (await db.$client.execute("select id from responses")).rows.map((r) => String(r.id));
      const incremental = await rollupRows(db);
      await rebuildRollups(db, createSurveyRegistry(db, systemClock));
      const rebuilt = await rollupRows(db);
      const stored = new Set(ids);
      const second = medianOf(samples.slice(warmupSeconds, warmupSeconds + windowSeconds));
      const last = medianOf(samples.slice(-windowSeconds));
      return {
        rate: options.rate,
        seconds: options.seconds,
        offered: Math.round(options.rate * options.seconds),
        answered: lines.length,
        statuses,
        achievedRate: +(acked.size / options.seconds).toFixed(1),
        p50Ms: percentile(latencies, 50),
        p99Ms: percentile(latencies, 99),
        maxMs: latencies.at(-1) ?? Number.NaN,
        // The id is the primary key, so "exactly once" is: as many rows as acknowledgements, all of them acknowledged.
        stored: ids.length,
        missing: [...acked].filter((id) => !stored.has(id)).length,
        unexpected: ids.filter((id) => !acked.has(id)).length,
        rollupRows: incremental.length,
        rollupsMatchRebuild: JSON.stringify(incremental) === JSON.stringify(rebuilt),
        rssSecondWindowMb: +second.toFixed(1),
        rssLastWindowMb: +last.toFixed(1),
        rssChangePercent: +((last / second - 1) * 100).toFixed(1),
        rssPeakMb: +Math.max(...samples).toFixed(1),
        p99PerWindowMs: [...perWindow].map((xs) =>
          percentile(
            (xs ?? []).sort((a, b) => a - b),
            99,
          ),
        ),
        rssSamplesMb: samples.map((s) => +s.toFixed(1)),
      };
    } finally {
      db.$client.close();
    }
  } finally {
    await server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
