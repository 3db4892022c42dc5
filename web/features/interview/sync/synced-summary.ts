/**
 * What is left of confirmed visits once their records are pruned from the tablet: counts per
 * Shanghai day and outcome. A visit is counted either as a record in the queue or in this summary,
 * never both (web/features/interview/lib/interview-db.ts moves it in one transaction), so 今日 N
 * and 已同步 N stay right after pruning.
 */
import { VISIT_OUTCOMES } from "../../../../server/contracts/field";
import type { QueueItem, VisitOutcome } from "./types";

export type OutcomeCounts = Record<VisitOutcome, number>;

export interface SyncedSummary {
  /**
   * "YYYY-MM-DD" (Asia/Shanghai, the visit's day) -> confirmed visits pruned from the queue.
   * Partial because a summary stored before an outcome existed lacks its key: read it through
   * dayCounts / summaryTotal, which count a missing key as 0.
   */
  days: Record<string, Partial<OutcomeCounts>>;
}

/** Confirmed records kept on the tablet for the list; older confirmed ones become counts. */
export const KEEP_SYNCED = 50;

export const emptySummary = (): SyncedSummary => ({ days: {} });
const zero = (): OutcomeCounts => ({ completed: 0, refused: 0, not_home: 0, vacant: 0, not_eligible: 0 });

/**
 * One stored day's counts with every outcome present: summaries written before an outcome
 * existed (非目标户 came later) lack its key, which counts as 0 rather than turning sums into NaN.
 */
const filled = (counts: Partial<OutcomeCounts> | undefined): OutcomeCounts => {
  const out = zero();
  for (const o of VISIT_OUTCOMES) out[o] = counts?.[o] ?? 0;
  return out;
};

const DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

/** The Shanghai day of an instant, as the server keys visits (server/lib/shanghai-day.ts). */
export function shanghaiDay(at: Date | string | number): string {
  return DAY.format(new Date(at));
}

export function addToSummary(summary: SyncedSummary, items: QueueItem[]): SyncedSummary {
  const days: SyncedSummary["days"] = {};
  for (const [day, counts] of Object.entries(summary.days)) days[day] = filled(counts);
  for (const item of items) {
    const day = shanghaiDay(item.visit.visitedAt);
    const counts = (days[day] ??= zero());
    counts[item.visit.outcome] = (counts[item.visit.outcome] ?? 0) + 1;
  }
  return { days };
}

export function summaryTotal(summary: SyncedSummary): number {
  let n = 0;
  for (const counts of Object.values(summary.days)) {
    const c = filled(counts);
    for (const o of VISIT_OUTCOMES) n += c[o];
  }
  return n;
}

/** Visits of one day: the pruned counts plus the records still held (any state). */
export function dayCounts(summary: SyncedSummary, items: QueueItem[], day: string): OutcomeCounts {
  const counts = filled(summary.days[day]);
  for (const item of items) if (shanghaiDay(item.visit.visitedAt) === day) counts[item.visit.outcome]++;
  return counts;
}

/** Confirmed records beyond the newest KEEP_SYNCED: only these may be pruned. */
export function prunable(items: QueueItem[], keep = KEEP_SYNCED): QueueItem[] {
  return items
    .filter((i) => i.state === "done")
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(keep);
}
