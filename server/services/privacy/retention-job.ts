import { and, desc, eq, inArray, isNotNull, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { RetentionKind, RetentionSettings } from "../../contracts/retention";
import type { Database } from "../../db/client";
import { retentionRuns, visits } from "../../db/schema";
import { writeTransaction } from "../../db/write-transaction";
import type { Clock } from "../../lib/clock";
import { shanghaiDay } from "../../lib/shanghai-day";
import { coarseCoordinate, householdPseudonym, PSEUDONYM_PREFIX } from "./pseudonym";
import { readRetentionSettings } from "./retention-settings";

export interface RetentionJobDeps {
  clock: Clock;
  /** The server secret: the key of householdPseudonym, so the same label always gives the same stand-in. */
  secret: string;
  /** Rows (GPS) or households (labels) per write transaction, so a pass never holds the write lock long. */
  batchSize?: number;
  signal?: AbortSignal;
}

export type RetentionRun = typeof retentionRuns.$inferSelect;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The Asia/Shanghai day a value is counted from, as SQL over a day column: the day itself, or
 * 31 December of its year (the end of the campaign year), compared as YYYY-MM-DD text.
 */
const anchorOf = (day: SQL, countFrom: RetentionSettings["countFrom"]): SQL =>
  countFrom === "record" ? day : sql`substr(${day}, 1, 4) || '-12-31'`;

/** The first day still kept: a value whose anchor lies before it is due. */
const cutoffDay = (now: Date, days: number) => shanghaiDay(new Date(now.getTime() - days * DAY_MS));

/**
 * One pass of the retention job: for each kind with a keep time, replaces the due values in
 * visits, a bounded batch per write transaction, and logs the kind's run in retention_runs.
 * GPS becomes coarseCoordinate (accuracy cleared) or null; a household label becomes its
 * householdPseudonym once the household's latest visit in its community is due, so all its
 * visits change together and every distinct-household count stays exactly as it was. Only
 * visits are written: responses, their answers and the rollups every figure is read from are
 * never touched. Idempotent: what was done is marked (gps_retention, the pseudonym's prefix)
 * and never selected again, so a pass stopped half way is finished by the next.
 */
export async function runRetentionPass(db: Database, deps: RetentionJobDeps): Promise<RetentionRun[]> {
  const policy = await readRetentionSettings(db);
  const runs: RetentionRun[] = [];
  const batchSize = deps.batchSize ?? 500;
  const kinds: { kind: RetentionKind; days: number; batch: (cutoff: string) => Promise<BatchResult> }[] = [];
  if (policy.gps) {
    const { action, days } = policy.gps;
    kinds.push({ kind: "gps", days, batch: (cutoff) => gpsBatch(db, policy.countFrom, action, cutoff, batchSize) });
  }
  if (policy.household) {
    const { days } = policy.household;
    kinds.push({ kind: "household", days, batch: (cutoff) => householdBatch(db, policy.countFrom, cutoff, batchSize, deps.secret) });
  }
  for (const { kind, days, batch } of kinds) {
    if (deps.signal?.aborted) break;
    const startedAt = deps.clock.now();
    const [run] = await writeTransaction(db, (tx) =>
      tx.insert(retentionRuns).values({ startedAt: startedAt.toISOString(), kind }).returning(),
    );
    let rowsChanged = 0;
    let error: string | null = null;
    try {
      const cutoff = cutoffDay(startedAt, days);
      for (;;) {
        if (deps.signal?.aborted) {
          // Shown to admins in the run log as it is; the next pass carries on where this one stopped.
          error = "服务停止，未处理完（下次执行时继续）";
          break;
        }
        const { selected, changed } = await batch(cutoff);
        rowsChanged += changed;
        // A short batch means nothing is left; one that changed nothing would only repeat itself.
        if (selected < batchSize || changed === 0) break;
      }
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      console.error(`retention pass failed for ${kind}`, error);
    }
    const [done] = await writeTransaction(db, (tx) =>
      tx
        .update(retentionRuns)
        .set({ finishedAt: deps.clock.now().toISOString(), rowsChanged, error })
        .where(eq(retentionRuns.id, run!.id))
        .returning(),
    );
    runs.push(done!);
  }
  return runs;
}

/** What one batch did: how many candidates it took (fewer than the batch size: nothing is left) and rows it changed. */
interface BatchResult {
  selected: number;
  changed: number;
}

/** Up to `limit` due visits whose GPS fix is still finer than the action leaves it, replaced in one transaction. */
function gpsBatch(
  db: Database,
  countFrom: RetentionSettings["countFrom"],
  action: "coarse" | "remove",
  cutoff: string,
  limit: number,
): Promise<BatchResult> {
  return writeTransaction(db, async (tx) => {
    const hasFix = or(isNotNull(visits.latitude), isNotNull(visits.longitude), isNotNull(visits.accuracyM))!;
    const rows = await tx
      .select({ id: visits.id, latitude: visits.latitude, longitude: visits.longitude })
      .from(visits)
      .where(
        and(
          lt(anchorOf(sql`${visits.day}`, countFrom), cutoff),
          hasFix,
          // A coarse fix is done for `coarse`; only `remove` goes on to clear it.
          action === "coarse" ? isNull(visits.gpsRetention) : undefined,
        ),
      )
      .orderBy(visits.id)
      .limit(limit);
    if (action === "remove" && rows.length > 0) {
      await tx
        .update(visits)
        .set({ latitude: null, longitude: null, accuracyM: null, gpsRetention: "removed" })
        .where(
          inArray(
            visits.id,
            rows.map((r) => r.id),
          ),
        );
    }
    if (action === "coarse") {
      for (const r of rows) {
        await tx
          .update(visits)
          .set({
            latitude: coarseCoordinate(r.latitude),
            longitude: coarseCoordinate(r.longitude),
            accuracyM: null,
            gpsRetention: "coarse",
          })
          .where(eq(visits.id, r.id));
      }
    }
    return { selected: rows.length, changed: rows.length };
  });
}

/**
 * Up to `limit` households (community, label) whose latest visit is due and whose label is still
 * plain; every visit of each gets the one pseudonym, in one transaction. Grouping by the latest
 * visit is what keeps distinct-household counts exact: a household is never half replaced.
 */
function householdBatch(
  db: Database,
  countFrom: RetentionSettings["countFrom"],
  cutoff: string,
  limit: number,
  secret: string,
): Promise<BatchResult> {
  return writeTransaction(db, async (tx) => {
    const prefix = PSEUDONYM_PREFIX.household;
    const groups = await tx
      .select({ unitCode: visits.unitCode, household: visits.household })
      .from(visits)
      .where(sql`substr(${visits.household}, 1, ${prefix.length}) <> ${prefix}`)
      .groupBy(visits.unitCode, visits.household)
      .having(lt(anchorOf(sql`max(${visits.day})`, countFrom), cutoff))
      .orderBy(visits.unitCode, visits.household)
      .limit(limit);
    let changed = 0;
    for (const g of groups) {
      const pseudonym = await householdPseudonym(secret, g.unitCode, g.household);
      const result = await tx
        .update(visits)
        .set({ household: pseudonym })
        .where(and(eq(visits.unitCode, g.unitCode), eq(visits.household, g.household)))
        .run();
      changed += result.rowsAffected;
    }
    return { selected: groups.length, changed };
  });
}

/** The job's log, newest first; `beforeId` pages back. */
export function listRetentionRuns(db: Database, query: { limit: number; beforeId?: number }): Promise<RetentionRun[]> {
  return db
    .select()
    .from(retentionRuns)
    .where(query.beforeId ? lt(retentionRuns.id, query.beforeId) : undefined)
    .orderBy(desc(retentionRuns.id))
    .limit(query.limit);
}
