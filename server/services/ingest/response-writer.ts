import type { InValue } from "@libsql/client";
import type { Database } from "../../db/client";
import { libsqlExecutor, placeholders, type SqlExecutor } from "../../db/sql-executor";
import type { responses } from "../../db/schema";
import { chunk } from "../../lib/chunk";
import type { MetricQuestion } from "../rates/metric-definitions";
import type { DistributionQuestion } from "../distributions/distribution-questions";
import { addAncestors, ancestorsQuery, mergeStoredRollups, planRollups, rollupWrites, storedRollupsQuery } from "../rollups/rollups";
import { isTransientDbError, withRetry, type RetryOptions } from "../../db/transient-errors";
import { queuedWrite } from "../../db/write-transaction";
import { commentInserts } from "../comments/comment-rows";
import { FIELD_REVIEW_KEY, pendingInterviewsCount } from "../field-review/review-settings";
import { afterPendingInput, batchSize, DEFAULT_BATCH_LIMITS } from "./batch-policy";
import type { CommentQuestion } from "../comments/comment-questions";

export type NewResponse = typeof responses.$inferInsert & {
  id: string;
  contentHash: string;
  /**
   * The hash over the fields as sent, when it differs from `contentHash` (over normalised
   * instants and device id): responses stored before that normalisation carry it, and a retry of
   * one of them is still its duplicate (server/services/ingest/prepare-response.ts).
   */
  legacyContentHash?: string;
  /** Reasons found before the write (e.g. "burst"); the writer adds "same_device". */
  flagReasons: string[];
  /** The parsed answers, kept so the rollups need not parse `answers` again. */
  answerValues: Record<string, unknown>;
  metricQuestions: readonly MetricQuestion[];
  /** The version's open-text questions: their answers go to response_comments in the same batch. */
  commentQuestions: readonly CommentQuestion[];
  distributionQuestions: readonly DistributionQuestion[];
};

/**
 * The writer found the database not as its reads under the write lock promised and rolled the
 * batch back. A fault of ours or of the storage engine, not a full or read-only disk: a 500, not
 * a 503 (services/ingest/submit-response.ts).
 */
export class WriteConsistencyError extends Error {
  override name = "WriteConsistencyError";
}

export type WriteStatus = "accepted" | "duplicate" | "conflict";
export interface WriteOutcome {
  status: WriteStatus;
  flagged: boolean;
}

export interface ResponseWriter {
  submit(response: NewResponse): Promise<WriteOutcome>;
  /** Resolves when everything queued so far is committed (graceful shutdown, tests). */
  drain(): Promise<void>;
}

export interface ResponseWriterOptions {
  maxBatch?: number;
  /** Bytes of answers per transaction (server/services/ingest/batch-policy.ts). */
  maxBatchBytes?: number;
  /**
   * Group submissions that arrive together into one transaction (default). The Worker turns this
   * off: an isolate serves many requests at once, and one request's I/O may not run on behalf of
   * another, so there each response is its own transaction.
   */
  groupCommits?: boolean;
  /** Retries of a transaction that a libSQL server refused or rolled back (busy, lock timeout). */
  retry?: RetryOptions;
}

interface Pending {
  response: NewResponse;
  bytes: number;
  resolve(outcome: WriteOutcome): void;
  reject(error: unknown): void;
}

/**
 * The one writer of responses (docs/design.md §2): submissions that arrive while a transaction is
 * committing are grouped into the next one, which also decides duplicates, flags repeat devices
 * and updates the rollups. A promise resolves only after its batch has committed, so a 2xx is
 * never sent for something that is not durable.
 *
 * @example const outcome = await writer.submit(response); // { status: "accepted", flagged: false }
 */
export function createResponseWriter(db: Database, options: ResponseWriterOptions = {}): ResponseWriter {
  const limits = {
    maxCount: options.maxBatch ?? DEFAULT_BATCH_LIMITS.maxCount,
    maxBytes: options.maxBatchBytes ?? DEFAULT_BATCH_LIMITS.maxBytes,
  };
  // Queued with the process's admin transactions (db/write-transaction.ts) on an embedded file.
  const commit = (batch: NewResponse[]) =>
    withRetry(() => queuedWrite(db, () => commitBatch(db, batch)), isTransientDbError, options.retry);
  if (options.groupCommits === false) {
    const inFlight = new Set<Promise<unknown>>();
    return {
      async submit(response) {
        const done = commit([response]);
        inFlight.add(done);
        try {
          return (await done)[0]!;
        } finally {
          inFlight.delete(done);
        }
      },
      async drain() {
        await Promise.allSettled([...inFlight]);
      },
    };
  }
  let queue: Pending[] = [];
  let running: Promise<void> | null = null;

  async function run(): Promise<void> {
    // Requests the event loop has already received join this batch; later ones the next.
    await afterPendingInput();
    while (queue.length > 0) {
      const n = batchSize(queue, limits);
      const batch = queue.slice(0, n);
      queue = queue.slice(n);
      try {
        const outcomes = await commit(batch.map((p) => p.response));
        batch.forEach((p, i) => {
          p.resolve(outcomes[i]!);
        });
      } catch (error) {
        for (const p of batch) p.reject(error);
      }
    }
    running = null;
  }

  return {
    submit(response) {
      return new Promise<WriteOutcome>((resolve, reject) => {
        queue.push({ response, bytes: response.answers.length, resolve, reject });
        running ??= run();
      });
    },
    async drain() {
      while (running) await running;
    },
  };
}

/** The response columns the writer sets; the review columns start empty. */
const INSERT_COLUMNS = [
  "id",
  "survey_id",
  "survey_version",
  "unit_code",
  "channel",
  "answers",
  "started_at",
  "completed_at",
  "day",
  "received_at",
  "device_id",
  "interviewer",
  "poster_id",
  "source_hash",
  "content_hash",
  "flagged",
  "flag_reason",
] as const;
const ROW_PLACEHOLDERS = `(${placeholders(INSERT_COLUMNS.length)})`;
/** Rows per insert statement: 100 x 17 arguments stay far below SQLite's bound-parameter limit. */
const INSERT_ROWS = 100;

type FreshResponse = NewResponse & { flagged: boolean; flagReason: string | null; index: number };

const insertArgs = (r: FreshResponse): InValue[] => [
  r.id,
  r.surveyId,
  r.surveyVersion,
  r.unitCode,
  r.channel,
  r.answers,
  r.startedAt,
  r.completedAt,
  r.day,
  r.receivedAt,
  r.deviceId,
  r.interviewer ?? null,
  r.posterId ?? null,
  r.sourceHash ?? null,
  r.contentHash,
  r.flagged ? 1 : 0,
  r.flagReason,
];

/**
 * One transaction for a batch, on the libSQL transaction itself: the ingest path's statements are
 * few and fixed, and drizzle's builder cost more CPU than SQLite did (docs/benchmarks.md).
 */
async function commitBatch(db: Database, batch: NewResponse[]): Promise<WriteOutcome[]> {
  const tx = await db.$client.transaction("write");
  try {
    const outcomes = await writeBatch(libsqlExecutor(tx), batch);
    await tx.commit();
    return outcomes;
  } finally {
    tx.close();
  }
}

/**
 * The database, not memory, decides duplicates, so it holds across processes and isolates. A
 * write transaction (BEGIN IMMEDIATE, also on sqld and Turso) holds the write lock from its first
 * statement, so what the reads below see cannot change before the commit. That lets the batch go
 * in three round trips to a remote server (reads, writes, commit) instead of one per statement:
 * ids already stored, devices seen before, the ancestors and the rollup rows they may touch are
 * read together; then the new rows and the rollups are written together. The insert still skips
 * ids that exist and reports the ids it wrote; if those were not exactly the ones the reads
 * promised, the transaction is rolled back rather than count anything twice.
 */
async function writeBatch(exec: SqlExecutor, batch: NewResponse[]): Promise<WriteOutcome[]> {
  const firsts = new Map<string, NewResponse>();
  for (const r of batch) if (!firsts.has(r.id)) firsts.set(r.id, r);
  const candidates = [...firsts.values()];
  const qrDevices = [...new Set(candidates.filter((r) => r.channel === "qr").map((r) => r.deviceId))];
  const interviews = candidates.some((r) => r.channel === "interview");
  const [storedRows, deviceRows, ancestorRows, rollupRows, reviewRows] = await exec.batch([
    { sql: `select id, content_hash from responses where id in (${placeholders(firsts.size)})`, args: [...firsts.keys()] },
    {
      sql: `select device_id, survey_id, unit_code from responses where device_id in (${placeholders(qrDevices.length)}) and channel = 'qr'`,
      args: qrDevices,
    },
    ancestorsQuery([...new Set(candidates.map((r) => r.unitCode))]),
    storedRollupsQuery(candidates),
    // Issue 16: whether an unreviewed (待审核) interview counts is a setting; read under the lock.
    ...(interviews ? [{ sql: "select value from settings where key = ?", args: [FIELD_REVIEW_KEY] }] : []),
  ]);
  const pendingCounts = !interviews || pendingInterviewsCount(reviewRows?.[0]?.value);

  const stored = new Map(storedRows!.map((row) => [String(row.id), String(row.content_hash)]));
  const seenDevices = new Set(
    deviceRows!.map((row) =>
      deviceKey({ deviceId: String(row.device_id), surveyId: String(row.survey_id), unitCode: String(row.unit_code) }),
    ),
  );
  const outcomes: WriteOutcome[] = [];
  const fresh: FreshResponse[] = [];
  const handled = new Set<string>();
  for (const r of batch) {
    // A stored id, or the same id again in this batch (a retry that overtook its first send).
    const earlier = stored.get(r.id) ?? (handled.has(r.id) ? firsts.get(r.id)!.contentHash : undefined);
    if (earlier !== undefined) {
      const same = earlier === r.contentHash || (r.legacyContentHash !== undefined && earlier === r.legacyContentHash);
      outcomes.push({ status: same ? "duplicate" : "conflict", flagged: false });
      continue;
    }
    handled.add(r.id);
    const reasons = [...r.flagReasons];
    if (r.channel === "qr") {
      const key = deviceKey(r);
      if (seenDevices.has(key)) reasons.push("same_device");
      seenDevices.add(key);
    }
    // An interview waiting for review stays out while the policy counts only reviewed states
    // (server/services/field-review/counted-side.ts): flagged without a flag reason.
    const flagged = reasons.length > 0 || (r.channel === "interview" && !pendingCounts);
    fresh.push({ ...r, flagged, flagReason: reasons.length > 0 ? reasons.join(",") : null, index: outcomes.length });
    outcomes.push({ status: "accepted", flagged });
  }
  if (fresh.length === 0) return outcomes;

  const inputs = fresh.map((r) => ({
    unitCode: r.unitCode,
    day: r.day,
    surveyId: r.surveyId,
    surveyVersion: r.surveyVersion,
    channel: r.channel,
    flagged: r.flagged,
    answers: r.answerValues,
    metricQuestions: r.metricQuestions,
    distributionQuestions: r.distributionQuestions,
  }));
  const rollups = planRollups(inputs, addAncestors(new Map(), ancestorRows!), 1);
  mergeStoredRollups(rollups, rollupRows!);
  const inserts = chunk(fresh, INSERT_ROWS).map((part) => ({
    sql: `insert into responses (${INSERT_COLUMNS.join(", ")}) values ${part.map(() => ROW_PLACEHOLDERS).join(", ")}
          on conflict (id) do nothing returning id`,
    args: part.flatMap(insertArgs),
  }));
  // The comments ride in the same write round trip and commit with their responses.
  const results = await exec.batch([...inserts, ...rollupWrites(rollups), ...commentInserts(fresh)]);
  const inserted = results.slice(0, inserts.length).reduce((n, rows) => n + rows.length, 0);
  if (inserted !== fresh.length) {
    throw new WriteConsistencyError(
      `wrote ${inserted} of ${fresh.length} new responses: another writer changed the table under the write lock`,
    );
  }
  return outcomes;
}

function deviceKey(r: { deviceId: string; surveyId: string; unitCode: string }): string {
  return `${r.deviceId}|${r.surveyId}|${r.unitCode}`;
}
