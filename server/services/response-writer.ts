import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client";
import { responses } from "../db/schema";
import { chunk } from "../lib/chunk";
import type { MetricQuestion } from "./metric-definitions";
import { applyRollups } from "./rollups";

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
export function createResponseWriter(db: Database, options: { maxBatch?: number } = {}): ResponseWriter {
  const maxBatch = options.maxBatch ?? 256;
  let queue: Pending[] = [];
  let running: Promise<void> | null = null;

  async function run(): Promise<void> {
    // Yield once so requests parsed in the same turn of the event loop join this batch.
    await new Promise((resolve) => setTimeout(resolve, 0));
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(maxBatch);
      try {
        const outcomes = await commitBatch(db, batch.map((p) => p.response));
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

/** One transaction for a batch: the database, not memory, decides duplicates, so it holds across processes. */
async function commitBatch(db: Database, batch: NewResponse[]): Promise<WriteOutcome[]> {
  return db.transaction(async (tx) => {
    const ids = [...new Set(batch.map((r) => r.id))];
    const known = new Map<string, string>();
    for (const part of chunk(ids, 500)) {
      const rows = await tx
        .select({ id: responses.id, contentHash: responses.contentHash })
        .from(responses)
        .where(inArray(responses.id, part));
      for (const row of rows) known.set(row.id, row.contentHash);
    }

    const seenDevices = await priorDeviceKeys(tx, batch);
    const outcomes: WriteOutcome[] = [];
    const fresh: (NewResponse & { flagged: boolean })[] = [];
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
      fresh.push({ ...r, flagged, flagReason: flagged ? reasons.join(",") : null });
      outcomes.push({ status: "accepted", flagged });
    }

    for (const part of chunk(fresh, 100)) {
      await tx.insert(responses).values(part.map(({ flagReasons: _f, metricQuestions: _m, answerValues: _a, ...row }) => row));
    }
    await applyRollups(
      tx,
      fresh.map((r) => ({
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

function deviceKey(r: Pick<NewResponse, "deviceId" | "surveyId" | "unitCode">): string {
  return `${r.deviceId}|${r.surveyId}|${r.unitCode}`;
}

/** Devices of this batch that already answered the same survey for the same unit by QR. */
async function priorDeviceKeys(
  tx: Parameters<Parameters<Database["transaction"]>[0]>[0],
  batch: NewResponse[],
): Promise<Set<string>> {
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
