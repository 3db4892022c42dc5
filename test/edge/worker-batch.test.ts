/**
 * The Worker's batched writes under workerd with sqld: responses go through the ingest shards
 * (Durable Objects, server/edge/ingest-shard.ts) that group concurrent submissions into one
 * transaction. Many at once, replays and conflicting copies of one id racing on two shards: each
 * id is stored once, replays answer 200, conflicts 409, repeat devices are flagged once, and the
 * rollups equal a rebuild from the raw rows. With sqld down a submission gets the usual 503 and
 * nothing is stored; once sqld is back the same id is accepted once and its retry is a duplicate.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shippedSurveys } from "../../surveys/index";
import { loadConfig } from "../../server/config";
import { createDatabase, type Database } from "../../server/db/client";
import { migrateDatabase } from "../../server/db/migrate";
import { shardName } from "../../server/edge/shard-protocol";
import { systemClock } from "../../server/lib/clock";
import { bootstrapDatabase } from "../../server/services/setup/bootstrap";
import { rebuildRollups } from "../../server/services/rollups/rollup-rebuild";
import { createSurveyRegistry } from "../../server/services/surveys/survey-registry";
import { requireEdge, startSqld, startWorker, type Sqld, type WorkerDev } from "../helpers/edge";
import { DEMO, qrBody, validAnswers } from "../helpers/fixtures";
import { httpHelpers } from "../helpers/http-helpers";

const UNIQUE = 400;
const SAME_DEVICE_PAIRS = 20;
const REPLAYS = 80;
const CONFLICTS = 20;
const IN_FLIGHT = 64;

const vars = {
  ADMIN_PASSWORD: "worker-batch-admin-1",
  SERVER_SECRET: "worker-batch-secret-0123456789",
  SEED_DEMO: "1",
  // The burst limiter keeps per-isolate counters; this test is about the write path.
  QR_RATE_LIMIT: "0",
  QR_BLOCK_LIMIT: "0",
  // Four shards (the default is one): conflicting copies must race across two Durable Objects.
  INGEST_SHARDS: "4",
};

const ready = requireEdge();

describe.skipIf(!ready)("the Worker's writes batched in its ingest shards", () => {
  let sqld: Sqld;
  let db: Database;
  let worker: WorkerDev;
  let send: (path: string, init?: RequestInit & { json?: unknown; cookie?: string }) => Promise<Response>;
  let posters: { community: string; community2: string; school: string };

  beforeAll(async () => {
    sqld = await startSqld();
    db = createDatabase(sqld.client());
    await migrateDatabase(db, { embedded: false });
    const env = { ...vars, DATABASE_URL: sqld.url };
    await bootstrapDatabase(db, loadConfig(env), shippedSurveys, new Date());
    worker = await startWorker(env);
    send = (path, init = {}) => {
      const headers = new Headers(init.headers);
      // A fresh connection per request: wrangler dev may close an idle kept-alive one under a reuse.
      headers.set("connection", "close");
      if (init.json !== undefined) headers.set("content-type", "application/json");
      if (init.cookie) headers.set("cookie", init.cookie);
      if (init.method === "POST") headers.set("origin", worker.url);
      return fetch(`${worker.url}${path}`, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
    };
    const admin = httpHelpers(send, vars.ADMIN_PASSWORD);
    const cookie = await admin.login();
    posters = {
      community: (await admin.createPoster(cookie, DEMO.community, "resident")).token,
      community2: (await admin.createPoster(cookie, DEMO.community2, "resident")).token,
      school: (await admin.createPoster(cookie, DEMO.school, "parent")).token,
    };
  }, 180_000);

  afterAll(async () => {
    await worker?.stop();
    await sqld?.stop();
  }, 60_000);

  const post = async (body: Record<string, unknown>) => {
    const res = await send("/api/v1/responses", { method: "POST", json: body });
    return { status: res.status, text: await res.text(), body };
  };

  it("stores concurrent submissions once, answers replays 200 and conflicts 409, and keeps the rollups equal to a rebuild", async () => {
    // The two resident communities live in different shards, so a conflicting copy sent through
    // the other community's poster races its original across two Durable Objects.
    const shardOf = (unit: string) => shardName(unit, Number(vars.INGEST_SHARDS));
    expect(shardOf(DEMO.community)).not.toBe(shardOf(DEMO.community2));

    const sources = [
      { token: posters.community, surveyId: "resident" },
      { token: posters.community2, surveyId: "resident" },
      { token: posters.school, surveyId: "parent" },
    ];
    const bodies = Array.from({ length: UNIQUE }, (_, i) => {
      const p = sources[i % sources.length]!;
      return qrBody(p.token, { surveyId: p.surveyId, answers: validAnswers(p.surveyId, 70_000 + i) });
    });
    // Indexes that are multiples of 3 share the community's poster (same survey and unit).
    for (let i = 0; i < SAME_DEVICE_PAIRS; i++) bodies[300 + i * 3]!.deviceId = bodies[i * 3]!.deviceId;

    const groups: Record<string, unknown>[][] = bodies.map((b) => [b]);
    // The same body again at the same moment: one is accepted, the other is its duplicate.
    for (let i = 0; i < REPLAYS; i++) groups[i]!.push(bodies[i]!);
    // Conflicting copies of community responses, through community2's poster (another shard).
    const conflicting = new Set<string>();
    for (let i = 0, n = 0; n < CONFLICTS; i += 3) {
      if (i >= REPLAYS && i < 300) {
        const original = bodies[i]!;
        groups[i]!.push({ ...original, token: posters.community2, answers: validAnswers("resident", 95_000 + i) });
        conflicting.add(String(original.id));
        n++;
      }
    }

    const results: { id: string; status: number; text: string }[] = [];
    const started = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < groups.length) {
          const group = groups[next++]!;
          for (const r of await Promise.all(group.map(post))) results.push({ id: String(r.body.id), status: r.status, text: r.text });
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    console.log(`worker batch: ${results.length} POSTs in ${seconds.toFixed(1)} s (${(results.length / seconds).toFixed(0)}/s)`);

    expect(results.filter((r) => ![200, 201, 409].includes(r.status)).map((r) => `${r.status} ${r.text.slice(0, 200)}`)).toEqual([]);
    const byId = new Map<string, number[]>();
    for (const r of results) byId.set(r.id, [...(byId.get(r.id) ?? []), r.status]);
    expect(byId.size).toBe(UNIQUE);
    for (const [id, statuses] of byId) {
      expect(
        statuses.filter((s) => s === 201),
        id,
      ).toHaveLength(1);
      if (conflicting.has(id)) expect(statuses.sort(), id).toEqual([201, 409]);
      else
        expect(
          statuses.filter((s) => s !== 201).every((s) => s === 200),
          id,
        ).toBe(true);
    }
    expect([...byId.values()].filter((s) => s.includes(200))).toHaveLength(REPLAYS);

    const rows = (await db.$client.execute("select id, flagged, flag_reason from responses")).rows;
    expect(rows).toHaveLength(UNIQUE);
    expect(rows.filter((r) => r.flagged === 1).map((r) => r.flag_reason)).toEqual(Array(SAME_DEVICE_PAIRS).fill("same_device"));

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
    expect(Object.values(incremental).some((r) => r.length > 0)).toBe(true);
    const rebuilt = await rebuildRollups(db, createSurveyRegistry(db, systemClock));
    expect(rebuilt.responses).toBe(UNIQUE);
    expect(await snapshot()).toEqual(incremental);
    // The rebuild over HTTP takes most of this test on a loaded machine.
  }, 300_000);

  it("answers 503 while sqld is down and stores nothing; once it is back the same id is accepted once, then a duplicate", async () => {
    const before = Number((await db.$client.execute("select count(*) as n from responses")).rows[0]!.n);
    // Warm: the poster and the survey version are in the isolate's and the shard's caches.
    expect((await post(qrBody(posters.community))).status).toBe(201);
    const body = qrBody(posters.community);
    let down: { status: number; text: string } | undefined;
    await sqld.restart({
      whileDown: async () => {
        down = await post(body);
      },
    });
    if (down!.status !== 503) console.log(worker.process.tail(40));
    expect(down!.status, down!.text).toBe(503);
    expect(JSON.parse(down!.text).error.code).toBe("storage_unavailable");

    const stored = async () =>
      (await db.$client.execute({ sql: "select count(*) as n from responses where id = ?", args: [body.id] })).rows[0]!.n;
    expect(Number(await stored())).toBe(0);
    // The client retries the same response later, as the respondent page does.
    let retry = await post(body);
    for (let i = 0; retry.status === 503 && i < 20; i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      retry = await post(body);
    }
    expect(retry.status, retry.text).toBe(201);
    expect((await post(body)).status).toBe(200);
    expect(Number(await stored())).toBe(1);
    expect(Number((await db.$client.execute("select count(*) as n from responses")).rows[0]!.n)).toBe(before + 2);
  });
});
