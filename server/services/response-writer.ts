import type { InValue } from "@libsql/client";
import type { Database } from "../db/client";
import { libsqlExecutor, placeholders, type SqlExecutor } from "../db/sql-executor";
import { responses } from "../db/schema";
import { chunk } from "../lib/chunk";
import type { MetricQuestion } from "./metric-definitions";
import { applyRollups } from "./rollups";
import { isTransientDbError, withRetry, type RetryOptions } from "./transient-errors";

export type NewResponse = typeof responses.$inferInsert & {
  id: string;
  contentHash: string;
  /** Reasons found before the write (e.g. "burst"); the writer adds "same_device". */
  flagReasons: string[];
  /** The parsed answers, kept so the rollups need not parse `answers` again. */
  answerValues: Record<string, unknown>;
  metricQuestions: readonly MetricQuestion[];
};

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
  resolve(outcome: WriteOutcome): void;
  reject(error: unknown): void;
}

/**
 * The one writer of responses (DESIGN.md §2): submissions that arrive while a transaction is
 * committing are grouped into the next one, which also decides duplicates, flags repeat devices
 * and updates the rollups. A promise resolves only after its batch has committed, so a 2xx is
 * never sent for something that is not durable.
 *
 * @example const outcome = await writer.submit(response); // { status: "accepted", flagged: false }
 */
export function createResponseWriter(db: Database, options: ResponseWriterOptions = {}): ResponseWriter {
  const maxBatch = options.maxBatch ?? 256;
  const commit = (batch: NewResponse[]) => withRetry(() => commitBatch(db, batch), isTransientDbError, options.retry);
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
    // Yield once so requests parsed in the same turn of the event loop join this batch.
    await new Promise((resolve) => setTimeout(resolve, 0));
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(maxBatch);
      try {
        const outcomes = await commit(batch.map((p) => p.response));
        batch.forEach((p, i) => p.resolve(outcomes[i]!));
      } catch (error) {
        for (const p of batch) p.reject(error);
      }
    }
    running = null;
  }

  return {
    submit(response) {
      return new Promise<WriteOutcome>((resolve, reject) => {
        queue.push({ response, resolve, reject });
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
  "id", "survey_id", "survey_version", "unit_code", "channel", "answers", "started_at", "completed_at", "day",
  "received_at", "device_id", "interviewer", "poster_id", "source_hash", "content_hash", "flagged", "flag_reason",
] as const;
const ROW_PLACEHOLDERS = `(${placeholders(INSERT_COLUMNS.length)})`;
/** Rows per insert statement: 100 x 17 arguments stay far below SQLite's bound-parameter limit. */
const INSERT_ROWS = 100;

type FreshResponse = NewResponse & { flagged: boolean; flagReason: string | null; index: number };

const insertArgs = (r: FreshResponse): InValue[] => [
  r.id, r.surveyId, r.surveyVersion, r.unitCode, r.channel, r.answers, r.startedAt, r.completedAt, r.day,
  r.receivedAt, r.deviceId, r.interviewer ?? null, r.posterId ?? null, r.sourceHash ?? null, r.contentHash, r.flagged ? 1 : 0, r.flagReason,
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
 * The database, not memory, decides duplicates, so it holds across processes and isolates.
 * libSQL write transactions (BEGIN IMMEDIATE, also on sqld and Turso) run one at a time; the
 * insert skips ids that are already stored and only rows it really inserted reach the rollups, so
 * a writer racing on the same id can never count a response twice. A stored id is told apart as a
 * duplicate or a conflict by its content hash, read only for the (rare) ids the insert skipped.
 */
async function writeBatch(exec: SqlExecutor, batch: NewResponse[]): Promise<WriteOutcome[]> {
  const seenDevices = await priorDeviceKeys(exec, batch);
  const outcomes: WriteOutcome[] = [];
  const fresh: FreshResponse[] = [];
  const inBatch = new Map<string, string>();
  for (const r of batch) {
    const earlier = inBatch.get(r.id);
    if (earlier !== undefined) {
      // The same id twice in one batch (a client retry that overtook its first send).
      outcomes.push({ status: earlier === r.contentHash ? "duplicate" : "conflict", flagged: false });
      continue;
    }
    inBatch.set(r.id, r.contentHash);
    const reasons = [...r.flagReasons];
    if (r.channel === "qr") {
      const key = deviceKey(r);
      if (seenDevices.has(key)) reasons.push("same_device");
      seenDevices.add(key);
    }
    const flagged = reasons.length > 0;
    fresh.push({ ...r, flagged, flagReason: flagged ? reasons.join(",") : null, index: outcomes.length });
    outcomes.push({ status: "accepted", flagged });
  }

  const inserted = new Set<string>();
  for (const part of chunk(fresh, INSERT_ROWS)) {
    const rows = await exec.rows<{ id: string }>(
      `insert into responses (${INSERT_COLUMNS.join(", ")}) values ${part.map(() => ROW_PLACEHOLDERS).join(", ")}
       on conflict (id) do nothing returning id`,
      part.flatMap(insertArgs),
    );
    for (const row of rows) inserted.add(row.id);
  }
  const stored = fresh.filter((r) => !inserted.has(r.id));
  if (stored.length > 0) {
    const hashes = await storedHashes(exec, stored.map((r) => r.id));
    for (const r of stored) {
      outcomes[r.index] = { status: hashes.get(r.id) === r.contentHash ? "duplicate" : "conflict", flagged: false };
    }
  }
  await applyRollups(
    exec,
    fresh
      .filter((r) => inserted.has(r.id))
      .map((r) => ({
        unitCode: r.unitCode,
        day: r.day,
        surveyId: r.surveyId,
        surveyVersion: r.surveyVersion,
        channel: r.channel,
        flagged: r.flagged,
        answers: r.answerValues,
        metricQuestions: r.metricQuestions,
      })),
  );
  return outcomes;
}

async function storedHashes(exec: SqlExecutor, ids: string[]): Promise<Map<string, string>> {
  const known = new Map<string, string>();
  for (const part of chunk([...new Set(ids)], 500)) {
    const rows = await exec.rows<{ id: string; content_hash: string }>(
      `select id, content_hash from responses where id in (${placeholders(part.length)})`,
      part,
    );
    for (const row of rows) known.set(row.id, row.content_hash);
  }
  return known;
}

function deviceKey(r: { deviceId: string; surveyId: string; unitCode: string }): string {
  return `${r.deviceId}|${r.surveyId}|${r.unitCode}`;
}

/** Devices of this batch that already answered the same survey for the same unit by QR. */
async function priorDeviceKeys(exec: SqlExecutor, batch: NewResponse[]): Promise<Set<string>> {
  const devices = [...new Set(batch.filter((r) => r.channel === "qr").map((r) => r.deviceId))];
  const keys = new Set<string>();
  for (const part of chunk(devices, 500)) {
    const rows = await exec.rows<{ device_id: string; survey_id: string; unit_code: string }>(
      `select device_id, survey_id, unit_code from responses where device_id in (${placeholders(part.length)}) and channel = 'qr'`,
      part,
    );
    for (const row of rows) keys.add(deviceKey({ deviceId: row.device_id, surveyId: row.survey_id, unitCode: row.unit_code }));
  }
  return keys;
}
