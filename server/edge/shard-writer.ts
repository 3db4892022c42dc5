/**
 * The Worker's response writer: it hands each prepared row to the ingest shard of its unit (a
 * Durable Object, server/edge/ingest-shard.ts) and answers with the shard's outcome, which the
 * shard gives only after the row's transaction committed. Within an isolate one request's I/O may
 * not serve another, so a Worker cannot group commits itself; a Durable Object can, because all of
 * its requests share its I/O.
 */
import { StorageUnavailableError } from "../db/storage-errors";
import type { ResponseWriter, WriteOutcome } from "../services/ingest/response-writer";
import type { DurableObjectNamespace } from "./durable-objects";
import { shardName, toSubmission, type ShardAnswer } from "./shard-protocol";

/** Shards when INGEST_SHARDS is unset (docs/operations.md, "Sizing"). */
export const DEFAULT_INGEST_SHARDS = 4;

export function createShardWriter(namespace: DurableObjectNamespace, options: { shards?: number } = {}): ResponseWriter {
  const shards = options.shards ?? DEFAULT_INGEST_SHARDS;
  const inFlight = new Set<Promise<unknown>>();

  async function send(response: Parameters<ResponseWriter["submit"]>[0]): Promise<WriteOutcome> {
    // A stub per request: on Workers an I/O object belongs to the request that made it.
    const stub = namespace.get(namespace.idFromName(shardName(response.unitCode, shards)));
    let res: Response;
    try {
      res = await stub.fetch("https://ingest-shard/submit", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(toSubmission(response)),
      });
    } catch (error) {
      // The shard was not reached or lost (reset, overloaded): whether it committed is unknown,
      // which a retry of the same id settles (duplicate, never a second row).
      throw new StorageUnavailableError("ingest shard unreachable", { cause: error });
    }
    const text = await res.text();
    const body = parseAnswer(text);
    if (body && "status" in body && res.ok) return body;
    const message = body && "message" in body ? body.message : `HTTP ${res.status}: ${text.slice(0, 200)}`;
    if (res.status === 503) throw new StorageUnavailableError(`ingest shard: ${message}`);
    throw new Error(`ingest shard failed (${res.status}): ${message}`);
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

function parseAnswer(text: string): ShardAnswer | undefined {
  try {
    return JSON.parse(text) as ShardAnswer;
  } catch {
    return undefined;
  }
}
