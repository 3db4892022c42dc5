import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client";
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

/**
 * One transaction for a batch: the database, not memory, decides duplicates, so it holds across
 * processes and isolates. libSQL write transactions (BEGIN IMMEDIATE, also on sqld and Turso) run
 * one at a time, so the lookup below already sees every committed response; the insert still
 * skips ids that exist and only rows it really inserted reach the rollups, so a writer racing on
 * the same id can never count a response twice, whatever the isolation.
 */
async function commitBatch(db: Database, batch: NewResponse[]): Promise<WriteOutcome[]> {
  return db.transaction(async (tx) => {
    const known = await storedHashes(tx, batch.map((r) => r.id));
    const seenDevices = await priorDeviceKeys(tx, batch);
    const outcomes: WriteOutcome[] = [];
    const fresh: (NewResponse & { flagged: boolean; index: number })[] = [];
    for (const r of batch) {
      const existing = known.get(r.id);
      if (existing !== undefined) {
        outcomes.push({ status: existing === r.contentHash ? "duplicate" : "conflict", flagged: false });
        continue;
      }
      const reasons = [...r.flagReasons];
      if (r.channel === "qr") {
        const key = deviceKey(r);
        if (seenDevices.has(key)) reasons.push("same_device");
        seenDevices.add(key);
      }
      const flagged = reasons.length > 0;
      known.set(r.id, r.contentHash);
      fresh.push({ ...r, flagged, flagReason: flagged ? reasons.join(",") : null, index: outcomes.length });
      outcomes.push({ status: "accepted", flagged });
    }

    const inserted = new Set<string>();
    for (const part of chunk(fresh, 100)) {
      const rows = await tx
        .insert(responses)
        .values(part.map(({ flagReasons: _f, metricQuestions: _m, answerValues: _a, index: _i, ...row }) => row))
        .onConflictDoNothing({ target: responses.id })
        .returning({ id: responses.id });
      for (const row of rows) inserted.add(row.id);
    }
    const raced = fresh.filter((r) => !inserted.has(r.id));
    if (raced.length > 0) {
      const winners = await storedHashes(tx, raced.map((r) => r.id));
      for (const r of raced) {
        outcomes[r.index] = { status: winners.get(r.id) === r.contentHash ? "duplicate" : "conflict", flagged: false };
      }
    }
    await applyRollups(
      tx,
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
  });
}

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

async function storedHashes(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  const known = new Map<string, string>();
  for (const part of chunk([...new Set(ids)], 500)) {
    const rows = await tx
      .select({ id: responses.id, contentHash: responses.contentHash })
      .from(responses)
      .where(inArray(responses.id, part));
    for (const row of rows) known.set(row.id, row.contentHash);
  }
  return known;
}

function deviceKey(r: Pick<NewResponse, "deviceId" | "surveyId" | "unitCode">): string {
  return `${r.deviceId}|${r.surveyId}|${r.unitCode}`;
}

/** Devices of this batch that already answered the same survey for the same unit by QR. */
async function priorDeviceKeys(tx: Tx, batch: NewResponse[]): Promise<Set<string>> {
  const devices = [...new Set(batch.filter((r) => r.channel === "qr").map((r) => r.deviceId))];
  const keys = new Set<string>();
  for (const part of chunk(devices, 500)) {
    const rows = await tx
      .select({ deviceId: responses.deviceId, surveyId: responses.surveyId, unitCode: responses.unitCode })
      .from(responses)
      .where(and(inArray(responses.deviceId, part), eq(responses.channel, "qr")));
    for (const row of rows) keys.add(deviceKey(row));
  }
  return keys;
}
