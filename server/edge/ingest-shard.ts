/**
 * The ingest shard, a Durable Object (wrangler.toml [[durable_objects.bindings]] INGEST_SHARD):
 * the Worker's isolates send it the responses they checked and prepared, and it writes them with
 * the same grouped writer as a Node process (server/services/ingest/response-writer.ts): whatever
 * arrives while a transaction commits goes into the next one, so sqld's one write lock is held
 * once per batch instead of once per response. Each request is answered only after its batch
 * committed. It keeps nothing of its own (no Durable Object storage): duplicates, repeat devices
 * and the rollups are decided by the database, so a shard that restarts, or two that race on an
 * id, change nothing.
 *
 * A Durable Object may run one request's I/O on behalf of another (all its requests share it),
 * which a Worker isolate may not: that is why the batching lives here and not in the Worker.
 */
import { systemClock } from "../lib/clock";
import { createResponseWriter } from "../services/ingest/response-writer";
import { createSurveyRegistry } from "../services/surveys/survey-registry";
import { createShardHandler } from "./shard-handler";
import { openWorkerDatabase, workerConfig } from "./worker-database";

export class IngestShard {
  readonly #handle: (request: Request) => Promise<Response>;

  constructor(_state: unknown, env: Record<string, unknown>) {
    const db = openWorkerDatabase(workerConfig(env));
    this.#handle = createShardHandler({ registry: createSurveyRegistry(db, systemClock), writer: createResponseWriter(db) });
  }

  fetch(request: Request): Promise<Response> {
    return this.#handle(request);
  }
}
