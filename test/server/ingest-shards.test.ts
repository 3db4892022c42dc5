/**
 * The Worker's write path in process: the app with the shard writer (server/edge/shard-writer.ts)
 * on a stand-in Durable Object namespace whose stubs call the real shard handler
 * (server/edge/shard-handler.ts) on the same real libSQL database. The protocol keeps the
 * answers of the direct path (201 / 200 / 409, the same rows and rollups), the shard groups
 * concurrent submissions into few transactions, and every failure is the direct path's: the
 * database refusing the write and an unreachable shard are 503 storage_unavailable, the
 * writer's own consistency check 500, and nothing is stored.
 */
import type { TransactionMode } from "@libsql/client";
import { afterEach, expect, it, vi } from "vitest";
import { systemClock } from "../../server/lib/clock";
import type { Database } from "../../server/db/client";
import type { DurableObjectNamespace } from "../../server/edge/durable-objects";
import { createShardHandler } from "../../server/edge/shard-handler";
import type { IngestShardStub, ShardAnswer, ShardSubmission } from "../../server/edge/shard-protocol";
import { createShardWriter } from "../../server/edge/shard-writer";
import { createResponseWriter } from "../../server/services/ingest/response-writer";
import { rebuildRollups } from "../../server/services/rollups/rollup-rebuild";
import { createSurveyRegistry } from "../../server/services/surveys/survey-registry";
import { DEMO, qrBody, validAnswers } from "../helpers/fixtures";
import { createTestApp, type TestApp } from "../helpers/test-app";

/** A fresh app on a file (migrations, the demo city) per test: slow on a loaded machine. */
const SLOW = 120_000;

let t: TestApp | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  t?.close();
  t = undefined;
}, SLOW);

interface Shards {
  /** Names of the shards the writer addressed, one per request. */
  calls: string[];
  /** Write transactions the shards opened. */
  transactions: number;
  /** When set, a stub's call fails as an unreachable Durable Object's does. */
  unreachable: boolean;
}

/** The test app with its responses written through stand-in shards on its own database. */
async function appWithShards(env: Record<string, string> = {}) {
  const shards: Shards = { calls: [], transactions: 0, unreachable: false };
  const responseWriter = (db: Database) => {
    const handlers = new Map<string, (submission: ShardSubmission) => Promise<ShardAnswer>>();
    const client = db.$client;
    const transaction = client.transaction.bind(client);
    client.transaction = ((mode?: TransactionMode) => {
      shards.transactions++;
      return transaction(mode);
    }) as typeof client.transaction;
    const namespace: DurableObjectNamespace<IngestShardStub> = {
      idFromName: (name) => ({ toString: () => name }),
      get: (id) => ({
        async write(submission) {
          const name = id.toString();
          shards.calls.push(name);
          if (shards.unreachable) throw new Error("Network connection lost.");
          // One handler per shard, as one Durable Object per name: each has its own grouped writer.
          let handle = handlers.get(name);
          if (!handle) {
            handle = createShardHandler({ registry: createSurveyRegistry(db, systemClock), writer: createResponseWriter(db) });
            handlers.set(name, handle);
          }
          // A copy, as RPC's structured clone hands the object over; the answer is copied back.
          return structuredClone(await handle(structuredClone(submission)));
        },
      }),
    };
    return createShardWriter(namespace, { shards: 4 });
  };
  // On a file, so a rebuild's transaction and its survey reads each get a connection.
  t = await createTestApp({ env, responseWriter, onDisk: true });
  const cookie = await t.login();
  const tokens = {
    community: (await t.createPoster(cookie, DEMO.community, "resident")).token,
    community2: (await t.createPoster(cookie, DEMO.community2, "resident")).token,
    school: (await t.createPoster(cookie, DEMO.school, "parent")).token,
  };
  return { t, shards, tokens };
}

const post = (app: TestApp, json: unknown, ip = "10.1.1.1") => app.request("/api/v1/responses", { method: "POST", json, ip });
const count = async (app: TestApp, sql: string) => Number((await app.client.execute(sql)).rows[0]!.n);

it(
  "answers accepted, duplicate and conflict as the direct path does, and keeps the rollups and comments equal to a rebuild",
  async () => {
    const { t, shards, tokens } = await appWithShards();
    const first = qrBody(tokens.community);
    expect((await post(t, first)).status).toBe(201);
    expect(await (await post(t, first)).json()).toEqual({ id: first.id, status: "duplicate" });
    const conflict = await post(t, { ...first, answers: validAnswers("resident", 4242) });
    expect(conflict.status).toBe(409);
    expect(((await conflict.json()) as { error: { code: string } }).error.code).toBe("id_conflict");

    const more = [
      ...Array.from({ length: 12 }, (_, i) => qrBody(tokens.community2, { answers: validAnswers("resident", 600 + i) })),
      ...Array.from({ length: 12 }, (_, i) => qrBody(tokens.school, { surveyId: "parent", answers: validAnswers("parent", 700 + i) })),
    ];
    // A device's second response on the same poster is flagged, as on the direct path.
    const repeat = qrBody(tokens.community, { deviceId: first.deviceId });
    const statuses = await Promise.all([...more, repeat].map(async (b) => (await post(t, b)).status));
    expect(statuses.every((s) => s === 201)).toBe(true);
    expect(new Set(shards.calls).size).toBeGreaterThan(1);

    const row = (
      await t.client.execute({ sql: "select flagged, flag_reason, unit_code, answers from responses where id = ?", args: [repeat.id] })
    ).rows[0]!;
    expect([row.flagged, row.flag_reason, row.unit_code]).toEqual([1, "same_device", DEMO.community]);
    expect(JSON.parse(String(row.answers))).toEqual(repeat.answers);
    expect(await count(t, "select count(*) n from responses")).toBe(2 + more.length);

    const snapshot = async () => {
      const out: Record<string, string[]> = {};
      for (const table of ["rollups", "response_comments"]) {
        const rs = await t.client.execute(`select * from ${table}`);
        out[table] = rs.rows.map((r) => JSON.stringify(rs.columns.map((c) => r[c]))).sort();
      }
      return out;
    };
    const incremental = await snapshot();
    expect(incremental.rollups!.length).toBeGreaterThan(0);
    await rebuildRollups(t.db, createSurveyRegistry(t.db, systemClock));
    expect(await snapshot()).toEqual(incremental);
  },
  SLOW,
);

it(
  "groups concurrent submissions to one shard into fewer transactions, each answered after its commit",
  async () => {
    const { t, shards, tokens } = await appWithShards();
    const before = shards.transactions;
    const bodies = Array.from({ length: 40 }, (_, i) => qrBody(tokens.community, { answers: validAnswers("resident", 800 + i) }));
    const answers = await Promise.all(bodies.map((b) => post(t, b)));
    expect(answers.map((r) => r.status)).toEqual(bodies.map(() => 201));
    expect(await count(t, "select count(*) n from responses")).toBe(bodies.length);
    expect(shards.transactions - before).toBeLessThan(bodies.length / 2);
  },
  SLOW,
);

it(
  "answers 503 storage_unavailable when the shard's database refuses the write, and stores nothing",
  async () => {
    const { t, tokens } = await appWithShards();
    vi.spyOn(console, "error").mockImplementation(() => {});
    await t.client.execute("PRAGMA query_only = 1");
    const res = await post(t, qrBody(tokens.community));
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("storage_unavailable");
    await t.client.execute("PRAGMA query_only = 0");
    expect(await count(t, "select count(*) n from responses")).toBe(0);
  },
  SLOW,
);

it(
  "answers 503 storage_unavailable when the shard cannot be reached, gives the burst place back, and a retry is stored once",
  async () => {
    const { t, shards, tokens } = await appWithShards({ QR_RATE_LIMIT: "1", QR_BLOCK_LIMIT: "2" });
    vi.spyOn(console, "error").mockImplementation(() => {});
    const body = qrBody(tokens.community);
    shards.unreachable = true;
    const res = await post(t, body);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("storage_unavailable");
    expect(await count(t, "select count(*) n from responses")).toBe(0);

    shards.unreachable = false;
    // The refused one did not count: with a flag limit of 1 the retry is the address's first, unflagged.
    expect((await post(t, body)).status).toBe(201);
    expect((await post(t, body)).status).toBe(200);
    const row = (await t.client.execute({ sql: "select flagged from responses where id = ?", args: [body.id] })).rows[0]!;
    expect(row.flagged).toBe(0);
    expect(await count(t, "select count(*) n from responses")).toBe(1);
  },
  SLOW,
);

it(
  "answers 500 internal, not 503, when the shard's writer finds the database not as its reads promised",
  async () => {
    const { t, tokens } = await appWithShards();
    vi.spyOn(console, "error").mockImplementation(() => {});
    const body = qrBody(tokens.community);
    await t.client.execute(`create trigger skip_one before insert on responses when new.id = '${body.id}' begin select raise(ignore); end`);
    const rollupsBefore = await count(t, "select coalesce(sum(responses), 0) n from rollups");
    const res = await post(t, body);
    expect(res.status).toBe(500);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("internal");
    expect(await count(t, "select count(*) n from responses")).toBe(0);
    expect(await count(t, "select coalesce(sum(responses), 0) n from rollups")).toBe(rollupsBefore);
  },
  SLOW,
);
