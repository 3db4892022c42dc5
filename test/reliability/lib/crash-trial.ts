/**
 * One crash trial (issue 8, item 1): a server process on a file database takes `responses` QR
 * submissions from `clients` concurrent clients, is SIGKILLed once `killAfter` of them were
 * acknowledged, and is started again on the same file and port while the clients keep retrying
 * (same ids) until every submission has a definite answer. Then:
 * - every id that ever got a 2xx is stored exactly once, and nothing else is stored;
 * - every submission acknowledged before the kill, sent again, is recognised (200 duplicate);
 * - the incremental rollups equal a rebuild from the raw responses.
 * Used by test/reliability/crash.test.ts (bounded) and `npm run reliability:crash` (full size).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { systemClock } from "../../../server/lib/clock";
import { rebuildRollups } from "../../../server/services/rollups/rollup-rebuild";
import { createSurveyRegistry } from "../../../server/services/surveys/survey-registry";
import { seededRng } from "../../helpers/answer-generator";
import { DEMO, validAnswers } from "../../helpers/fixtures";
import { freePort } from "../../helpers/processes";
import { adminCookie, openFile, rollupRows, setUpPosters, sleep, startServerProcess, type ServerProcess } from "./server-process";

/** Answers are dated over the last three days so rollups span several days: no QR clock window (issue 11). */
const SPREAD_OVER_DAYS = { QR_CLOCK_BACK_HOURS: "0" };

export interface CrashTrialOptions {
  responses: number;
  clients: number;
  seed: number;
  /** Kill once this many submissions were acknowledged (a random point of the run). */
  killAfter: number;
  /** The whole trial must finish within this (every load is bounded). */
  deadlineMs?: number;
  keepDir?: boolean;
}

export interface CrashTrialResult {
  responses: number;
  clients: number;
  seed: number;
  killAfter: number;
  /** Acknowledged (2xx) before the SIGKILL. */
  ackedBeforeKill: number;
  /** Submissions whose request failed because of the kill (connection reset or refused). */
  interrupted: number;
  /** Of those, how many were already committed: their retry got 200 duplicate. */
  interruptedButCommitted: number;
  /** Pre-kill acknowledgements sent again after the restart: all must be 200 duplicate. */
  replayedDuplicates: number;
  replayedOther: number;
  conflicts: number;
  otherErrors: string[];
  storedRows: number;
  missing: number;
  unexpected: number;
  rollupRows: number;
  rollupsMatchRebuild: boolean;
  restartMs: number;
  totalMs: number;
}

/**
 * Generating a valid answer set runs SurveyJS (~50 ms each here), so a trial draws from a pool of
 * seeded sets; every submission still has its own id and device, which is what the writer keys on.
 */
const POOL_SIZE = 40;
const pools = new Map<string, Record<string, unknown>[]>();
function answerPool(surveyId: string): Record<string, unknown>[] {
  let pool = pools.get(surveyId);
  if (!pool) {
    pool = Array.from({ length: POOL_SIZE }, (_, i) => validAnswers(surveyId, 77_000 + i));
    pools.set(surveyId, pool);
  }
  return pool;
}

interface Body {
  id: string;
  json: string;
}

export async function runCrashTrial(options: CrashTrialOptions): Promise<CrashTrialResult> {
  const started = performance.now();
  const deadline = Date.now() + (options.deadlineMs ?? 300_000);
  const dir = mkdtempSync(join(tmpdir(), "cw-crash-"));
  const dbPath = join(dir, "survey.db");
  const port = await freePort();
  let server: ServerProcess | undefined;
  try {
    server = await startServerProcess({ dbPath, port, logDir: dir, name: "server-1", env: SPREAD_OVER_DAYS });
    const cookie = await adminCookie(server.url);
    const { posters, versions } = await setUpPosters(server.url, cookie, [
      [DEMO.community, "resident"],
      [DEMO.community2, "resident"],
      [DEMO.otherSubdistrictCommunity, "resident"],
      [DEMO.qijiangCommunity, "shopkeeper"],
    ]);

    const rng = seededRng(options.seed);
    const now = Date.now();
    const bodies: Body[] = [];
    for (let i = 0; i < options.responses; i++) {
      const poster = posters[Math.floor(rng() * posters.length)]!;
      // One in 40 reuses an earlier phone: stored flagged same_device, so flagged rollups count too.
      const device = i > 0 && rng() < 0.025 ? `dev-${options.seed}-${Math.floor(rng() * i)}` : `dev-${options.seed}-${i}`;
      const completed = now - Math.floor(rng() * 3 * 86_400_000);
      const body = {
        id: crypto.randomUUID(),
        surveyId: poster.surveyId,
        surveyVersion: versions[poster.surveyId],
        channel: "qr",
        token: poster.token,
        answers: answerPool(poster.surveyId)[Math.floor(rng() * POOL_SIZE)],
        startedAt: new Date(completed - 5 * 60_000).toISOString(),
        completedAt: new Date(completed).toISOString(),
        deviceId: device,
      };
      bodies.push({ id: body.id, json: JSON.stringify(body) });
    }

    const acked = new Map<string, number>(); // id -> status of the first 2xx
    const ackedBeforeKill = new Set<string>();
    const interrupted = new Set<string>();
    const otherErrors: string[] = [];
    let conflicts = 0;
    let killed = false;
    let restartMs = 0;
    let target = server.url;

    const post = (body: string) =>
      fetch(`${target}/api/v1/responses`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
        signal: AbortSignal.timeout(15_000),
      });

    let next = 0;
    async function client(): Promise<void> {
      while (next < bodies.length) {
        const body = bodies[next++]!;
        for (;;) {
          if (Date.now() > deadline) throw new Error("crash trial: past its deadline");
          let status: number;
          try {
            const res = await post(body.json);
            status = res.status;
            await res.arrayBuffer();
          } catch {
            // The server died under this request (or is not back yet): same id again shortly.
            interrupted.add(body.id);
            await sleep(50 + Math.random() * 100);
            continue;
          }
          if (status === 201 || status === 200) {
            acked.set(body.id, status);
            if (!killed) ackedBeforeKill.add(body.id);
            break;
          }
          if (status === 503) {
            await sleep(50);
            continue;
          }
          if (status === 409) conflicts++;
          else otherErrors.push(`${body.id}: ${status}`);
          break;
        }
      }
    }

    async function killer(): Promise<void> {
      while (ackedBeforeKill.size < options.killAfter) {
        if (Date.now() > deadline) throw new Error("crash trial: kill point never reached");
        await sleep(1);
      }
      killed = true;
      await server!.kill();
      const t0 = performance.now();
      server = await startServerProcess({ dbPath, port, logDir: dir, name: "server-2", env: SPREAD_OVER_DAYS });
      target = server.url;
      restartMs = performance.now() - t0;
    }

    await Promise.all([killer(), ...Array.from({ length: options.clients }, () => client())]);

    // Lost answers: the request failed at the kill, yet the retry says "duplicate" - it had committed.
    const interruptedButCommitted = [...interrupted].filter((id) => acked.get(id) === 200).length;

    let replayedDuplicates = 0;
    let replayedOther = 0;
    const byId = new Map(bodies.map((b) => [b.id, b.json]));
    const replay = [...ackedBeforeKill];
    let cursor = 0;
    await Promise.all(
      Array.from({ length: options.clients }, async () => {
        while (cursor < replay.length) {
          const res = await post(byId.get(replay[cursor++]!)!);
          await res.arrayBuffer();
          if (res.status === 200) replayedDuplicates++;
          else replayedOther++;
        }
      }),
    );

    await server.stop();
    server = undefined;

    const db = openFile(dbPath);
    try {
      const ids = (await db.$client.execute("select id from responses")).rows.map((r) => String(r.id));
      const stored = new Set(ids);
      const missing = [...acked.keys()].filter((id) => !stored.has(id)).length;
      const unexpected = ids.filter((id) => !acked.has(id)).length;
      const incremental = await rollupRows(db);
      await rebuildRollups(db, createSurveyRegistry(db, systemClock));
      const rebuilt = await rollupRows(db);
      return {
        responses: options.responses,
        clients: options.clients,
        seed: options.seed,
        killAfter: options.killAfter,
        ackedBeforeKill: ackedBeforeKill.size,
        interrupted: interrupted.size,
        interruptedButCommitted,
        replayedDuplicates,
        replayedOther,
        conflicts,
        otherErrors,
        storedRows: ids.length,
        missing,
        unexpected,
        rollupRows: incremental.length,
        rollupsMatchRebuild: JSON.stringify(incremental) === JSON.stringify(rebuilt),
        restartMs: Math.round(restartMs),
        totalMs: Math.round(performance.now() - started),
      };
    } finally {
      db.$client.close();
    }
  } finally {
    if (server) await server.kill();
    if (!options.keepDir) rmSync(dir, { recursive: true, force: true });
  }
}
