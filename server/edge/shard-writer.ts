/**
 * The Worker's response writer: it hands each prepared row to the ingest shard of its unit (a
 * Durable Object, server/edge/ingest-shard.ts) and answers with the shard's outcome, which the
 * shard gives only after the row's transaction committed. Within an isolate one request's I/O may
 * not serve another, so a Worker cannot group commits itself; a Durable Object can, because all of
 * its requests share its I/O.
 */
import { StorageUnavailableError } from "../db/storage-errors";
import type { ResponseWriter, WriteOutcome } from "../services/ingest/response-writer";
import type { DurableObjectId, DurableObjectNamespace } from "./durable-objects";
import { shardName, toSubmission, type IngestShardStub, type ShardAnswer } from "./shard-protocol";

/**
 * Shards when INGEST_SHARDS is unset (docs/operations.md, "Sizing"). One: every shard is another
 * writer contending for the database's one write lock, and on one sqld four shards wrote fewer
 * responses per second than one (300–406 against 468–565, with ~60% more CPU per response and,
 * under sustained load, a stall of the whole run); one shard's batches are what amortise the
 * lock. More only when one shard's own CPU is the limit.
 */
export const DEFAULT_INGEST_SHARDS = 1;

export function createShardWriter(namespace: DurableObjectNamespace<IngestShardStub>, options: { shards?: number } = {}): ResponseWriter {
  const shards = options.shards ?? DEFAULT_INGEST_SHARDS;
  const inFlight = new Set<Promise<unknown>>();
  // An id is derived from its name (a keyed hash) and is no I/O object, so each shard's is made
  // once per isolate; there are at most `shards` of them.
  const ids = new Map<string, DurableObjectId>();
  const idOf = (name: string) => {
    let id = ids.get(name);
    if (!id) ids.set(name, (id = namespace.idFromName(name)));
    return id;
  };

  async function send(response: Parameters<ResponseWriter["submit"]>[0]): Promise<WriteOutcome> {
    // A stub per request: on Workers an I/O object belongs to the request that made it.
    const stub = namespace.get(idOf(shardName(response.unitCode, shards)));
    let answer: ShardAnswer;
    try {
      answer = await stub.write(toSubmission(response));
    } catch (error) {
      // The shard was not reached or lost (reset, overloaded): whether it committed is unknown,
      // which a retry of the same id settles (duplicate, never a second row).
      throw new StorageUnavailableError("ingest shard unreachable", { cause: error });
    }
    if ("status" in answer) return answer;
    if (answer.error === "storage_unavailable") throw new StorageUnavailableError(`ingest shard: ${answer.message}`);
    throw new Error(`ingest shard failed: ${answer.message}`);
  }

  return {
    async submit(response) {
      const done = send(response);
      inFlight.add(done);
      try {
        return await done;
      } finally {
        inFlight.delete(done);
      }
    },
    async drain() {
      await Promise.allSettled([...inFlight]);
    },
  };
}
