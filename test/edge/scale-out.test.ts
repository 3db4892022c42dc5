/**
 * Scale-out on one libSQL server: two Node processes (server/node.ts) and the Worker under
 * workerd write to one sqld at once. Replays and conflicting copies of the same id go to
 * different runtimes at the same moment. Afterwards every id is stored once, each accepted
 * exactly once, repeat devices are flagged exactly once per repeat, and the incremental rollups
 * equal a recomputation from the raw rows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shippedSurveys } from "../../surveys/index";
import { loadConfig } from "../../server/config";
import { createDatabase, type Database } from "../../server/db/client";
import { migrateDatabase } from "../../server/db/migrate";
import { systemClock } from "../../server/lib/clock";
import { bootstrapDatabase } from "../../server/services/setup/bootstrap";
import { rebuildRollups } from "../../server/services/rollups/rollup-rebuild";
import { createSurveyRegistry } from "../../server/services/surveys/survey-registry";
import { REPO_ROOT, requireEdge, startSqld, startWorker, type Sqld, type WorkerDev } from "../helpers/edge";
import { DEMO, qrBody, validAnswers } from "../helpers/fixtures";
import { freePort, startGroup, waitUntil, type Started } from "../helpers/processes";
import { httpHelpers } from "../helpers/http-helpers";

const UNIQUE = 480;
const SAME_DEVICE_PAIRS = 30;
const REPLAYS = 100;
const CONFLICTS = 10;
const IN_FLIGHT = 48;

const vars = {
  ADMIN_PASSWORD: "scale-out-admin-1",
  SERVER_SECRET: "scale-out-secret-0123456789",
  SEED_DEMO: "1",
  // The burst limiter keeps per-process counters; this test is about the write path.
  QR_RATE_LIMIT: "0",
  QR_BLOCK_LIMIT: "0",
};

interface Runtime {
  name: string;
  url: string;
}

const ready = requireEdge();

describe.skipIf(!ready)("two Node processes and the Worker on one sqld", () => {
  let sqld: Sqld;
  let db: Database;
  let worker: WorkerDev;
  const nodes: Started[] = [];
  const runtimes: Runtime[] = [];

  beforeAll(async () => {
    sqld = await startSqld();
    db = createDatabase(sqld.client());
    await migrateDatabase(db, { embedded: false });
    const env = { ...vars, DATABASE_URL: sqld.url };
    await bootstrapDatabase(db, loadConfig(env), shippedSurveys, new Date());
    const starts = [0, 1].map(async (i) => {
      const port = await freePort();
      const proc = startGroup(process.execPath, ["--import", "tsx", "server/node.ts"], {
        cwd: REPO_ROOT,
        env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" },
        logDir: sqld.dir,
        name: `node-${i}`,
      });
      nodes.push(proc);
      const url = `http://127.0.0.1:${port}`;
      await waitUntil(`node-${i}`, async () => (await fetch(`${url}/api/v1/surveys`)).ok, { timeoutMs: 60_000, process: proc });
      runtimes.push({ name: `node-${i}`, url });
    });
    const workerStart = startWorker(env).then((w) => {
      worker = w;
      runtimes.push({ name: "worker", url: w.url });
    });
    await Promise.all([...starts, workerStart]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([worker?.stop(), ...nodes.map((n) => n.stop())]);
    await sqld?.stop();
  }, 60_000);

  it("stores each id once, counts it once, and keeps the rollups equal to the raw rows", async () => {
    const byName = Object.fromEntries(runtimes.map((r) => [r.name, r]));
    const send = (runtime: Runtime, path: string, init: RequestInit & { json?: unknown; cookie?: string } = {}) => {
      const headers = new Headers(init.headers);
      headers.set("connection", "close");
      if (init.json !== undefined) headers.set("content-type", "application/json");
      if (init.cookie) headers.set("cookie", init.cookie);
      if (init.method === "POST") headers.set("origin", runtime.url);
      return fetch(`${runtime.url}${path}`, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
    };
    const admin = httpHelpers((path, init) => send(byName["node-0"]!, path, init), vars.ADMIN_PASSWORD);
    const cookie = await admin.login();
    const posters = [
      { token: (await admin.createPoster(cookie, DEMO.community, "resident")).token, surveyId: "resident" },
      { token: (await admin.createPoster(cookie, DEMO.community2, "resident")).token, surveyId: "resident" },
      { token: (await admin.createPoster(cookie, DEMO.school, "parent")).token, surveyId: "parent" },
    ];

    // Unique responses; some devices answer twice (the second must be flagged, once).
    const bodies = Array.from({ length: UNIQUE }, (_, i) => {
      const p = posters[i % posters.length]!;
      return qrBody(p.token, { surveyId: p.surveyId, answers: validAnswers(p.surveyId, 50_000 + i) });
    });
    // Indexes that are multiples of 3 share poster 0 (same survey and unit).
    for (let i = 0; i < SAME_DEVICE_PAIRS; i++) bodies[300 + i * 3]!.deviceId = bodies[i * 3]!.deviceId;

    type Send = { body: Record<string, unknown>; runtime: Runtime };
    const sends: Send[][] = [];
    bodies.forEach((body, i) => {
      sends.push([{ body, runtime: runtimes[i % 3]! }]);
    });
    // A replay of the same body and a copy with other answers, each at the same moment as the
    // original but on another runtime: they race on one id across processes.
    for (let i = 0; i < REPLAYS; i++) sends[i]!.push({ body: bodies[i]!, runtime: runtimes[(i + 1) % 3]! });
    const conflicting = new Map<string, Record<string, unknown>>();
    for (let i = REPLAYS; i < REPLAYS + CONFLICTS; i++) {
      const original = bodies[i]!;
      const other = { ...original, answers: validAnswers(String(original.surveyId), 90_000 + i) };
      conflicting.set(String(original.id), other);
      sends[i]!.push({ body: other, runtime: runtimes[(i + 2) % 3]! });
    }

    const resent: string[] = [];
    const results: { id: string; runtime: string; status: number; body: Record<string, unknown>; text: string }[] = [];
    const started = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < sends.length) {
          const group = sends[next++]!;
          await Promise.all(
            group.map(async ({ body, runtime }) => {
              // A client whose connection drops sends the same id again, as the apps do: the
              // id makes that safe. Such ids may then see 200 where the lost answer was 201.
              for (let attempt = 1; ; attempt++) {
                try {
                  const res = await send(runtime, "/api/v1/responses", { method: "POST", json: body });
                  results.push({ id: String(body.id), runtime: runtime.name, status: res.status, body, text: await res.text() });
                  return;
                } catch (error) {
                  const cause = String((error as { cause?: unknown }).cause ?? error);
                  resent.push(`${runtime.name} ${String(body.id)}: ${cause}`);
                  if (attempt === 3) {
                    results.push({ id: String(body.id), runtime: runtime.name, status: -1, body, text: cause });
                    return;
                  }
                }
              }
            }),
          );
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    const perRuntime = Object.fromEntries(runtimes.map((r) => [r.name, results.filter((x) => x.runtime === r.name).length]));
    console.log(
      `scale-out: ${results.length} POSTs in ${seconds.toFixed(1)} s (${(results.length / seconds).toFixed(0)}/s) over ${JSON.stringify(perRuntime)}; resent after a dropped connection: ${resent.length}`,
    );
    if (resent.length > 0) console.log(resent.join("\n"));

    const unexpected = results.filter((r) => ![200, 201, 409].includes(r.status));
    if (unexpected.length > 0) {
      for (const p of [...nodes, worker.process]) console.log(`--- ${p.logFile}\n${p.tail(15)}`);
    }
    expect(unexpected.map((r) => `${r.runtime} ${r.status} ${r.text.slice(0, 200)}`)).toEqual([]);
    for (const runtime of runtimes) expect(perRuntime[runtime.name]).toBeGreaterThan(100);

    // Each id accepted exactly once, whichever runtime won; the loser of a conflict got 409.
    const byId = new Map<string, typeof results>();
    for (const r of results) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
    expect(byId.size).toBe(UNIQUE);
    const resentIds = new Set(resent.map((line) => line.split(" ")[1]!.replace(/:$/, "")));
    for (const [id, rs] of byId) {
      const accepted = rs.filter((r) => r.status === 201).length;
      if (resentIds.has(id)) expect(accepted, id).toBeLessThanOrEqual(1);
      else expect(accepted, id).toBe(1);
      if (conflicting.has(id) && !resentIds.has(id)) expect(rs.map((r) => r.status).sort()).toEqual([201, 409]);
      else expect(rs.filter((r) => r.status !== 201).every((r) => r.status === 200)).toBe(true);
    }

    const rows = (await db.$client.execute("select id, answers, flagged, flag_reason from responses")).rows;
    expect(rows).toHaveLength(UNIQUE);
    const stored = new Map(rows.map((r) => [String(r.id), r]));
    for (const [id, rs] of byId) {
      const winner = rs.find((r) => r.status === 201) ?? rs.find((r) => r.status === 200);
      expect(JSON.parse(String(stored.get(id)!.answers)), id).toEqual(winner!.body.answers);
    }
    // Repeat devices: exactly one flagged response per pair, decided by the database.
    expect(rows.filter((r) => r.flagged === 1).map((r) => r.flag_reason)).toEqual(Array(SAME_DEVICE_PAIRS).fill("same_device"));

    // The rollups the writers kept incrementally equal a recomputation from the stored rows.
    // Every rollup table, whatever its layout, row by row.
    const snapshot = async () => {
      const names = (
        await db.$client.execute("select name from sqlite_master where type = 'table' and name like 'rollup%' order by name")
      ).rows.map((r) => String(r.name));
      const out: Record<string, string[]> = {};
      for (const name of names) {
        const rs = await db.$client.execute(`select * from "${name}"`);
        out[name] = rs.rows.map((r) => JSON.stringify(rs.columns.map((c) => r[c]))).sort();
      }
      return out;
    };
    const incremental = await snapshot();
    expect(Object.values(incremental).some((rows) => rows.length > 0)).toBe(true);
    const rebuilt = await rebuildRollups(db, createSurveyRegistry(db, systemClock));
    expect(rebuilt.responses).toBe(UNIQUE);
    expect(await snapshot()).toEqual(incremental);
  });
});
