/**
 * What the Worker sends to an ingest shard (server/edge/ingest-shard.ts) and what it answers. The
 * Worker has done every edge check and prepared the row (server/services/ingest/submit-response.ts);
 * the shard only writes it. The survey's question lists are left out: the shard reads them from its
 * own survey registry (published versions never change), so each request carries the row alone.
 */
import type { NewResponse, WriteOutcome } from "../services/ingest/response-writer";

export type ShardSubmission = Omit<NewResponse, "answerValues" | "metricQuestions" | "commentQuestions" | "distributionQuestions">;

/**
 * A shard's answer: the write's outcome, or why it could not write (the database refused it, or a
 * fault of ours). An answer, not a thrown error: RPC carries exceptions without their class, and
 * the Worker must tell a 503 from a 500.
 */
export type ShardAnswer = WriteOutcome | { error: "storage_unavailable" | "internal"; message: string };

/** What an ingest shard's stub offers the Worker (a Durable Object RPC method). */
export interface IngestShardStub {
  write(submission: ShardSubmission): Promise<ShardAnswer>;
}

export function toSubmission(response: NewResponse): ShardSubmission {
  const { answerValues, metricQuestions, commentQuestions, distributionQuestions, ...row } = response;
  return row;
}

/**
 * The shard of a unit: FNV-1a of its code, so one unit's submissions always meet in one shard
 * (a device's repeat on the same poster is then usually flagged within one batch) and units spread
 * evenly. Which shard a response goes to never decides anything: the database does (ON CONFLICT,
 * reads under the write lock), so shards and isolates may race on one id safely.
 */
export function shardName(unitCode: string, shards: number): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < unitCode.length; i++) {
    hash ^= unitCode.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `ingest-${hash % shards}`;
}
