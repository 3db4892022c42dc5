/**
 * The ingest shard, a Durable Object (wrangler.toml [[durable_objects.bindings]] INGEST_SHARD):
 * the Worker's isolates call its `write` method (Durable Object RPC: structured clone, no HTTP
 * request or JSON per response) with the responses they checked and prepared, and it writes them
 * with the same grouped writer as a Node process (server/services/ingest/response-writer.ts):
 * whatever arrives while a transaction commits goes into the next one, so sqld's one write lock
 * is held once per batch instead of once per response. Each call returns only after its batch
 * committed. It keeps nothing of its own (no Durable Object storage): duplicates, repeat devices
 * and the rollups are decided by the database, so a shard that restarts, or two that race on an
 * id, change nothing.
 *
 * A Durable Object may run one request's I/O on behalf of another (all its requests share it),
 * which a Worker isolate may not: that is why the batching lives here and not in the Worker.
 */
import { DurableObject } from "cloudflare:workers";
import { systemClock } from "../lib/clock";
import { createResponseWriter } from "../services/ingest/response-writer";
import { createSurveyRegistry } from "../services/surveys/survey-registry";
import { createShardHandler } from "./shard-handler";
import type { IngestShardStub, ShardAnswer, ShardSubmission } from "./shard-protocol";
import { openWorkerDatabase, workerConfig } from "./worker-database";

export class IngestShard extends DurableObject<Record<string, unknown>> implements IngestShardStub {
  readonly #handle: (submission: ShardSubmission) => Promise<ShardAnswer>;

  constructor(ctx: unknown, env: Record<string, unknown>) {
    super(ctx, env);
    const db = openWorkerDatabase(workerConfig(env));
    this.#handle = createShardHandler({ registry: createSurveyRegistry(db, systemClock), writer: createResponseWriter(db) });
  }

  write(submission: ShardSubmission): Promise<ShardAnswer> {
    return this.#handle(submission);
  }
}
