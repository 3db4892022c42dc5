/**
 * What is left of confirmed visits once their records are pruned from the tablet: counts per
 * Shanghai day and outcome. A visit is counted either as a record in the queue or in this summary,
 * never both (web/features/interview/lib/interview-db.ts moves it in one transaction), so 今日 N
 * and 已同步 N stay right after pruning.
 */
import type { QueueItem, VisitOutcome } from "./types";

export type OutcomeCounts = Record<VisitOutcome, number>;

export interface SyncedSummary {
  /** "YYYY-MM-DD" (Asia/Shanghai, the visit's day) -> confirmed visits pruned from the queue. */
  days: Record<string, OutcomeCounts>;
}

/** Confirmed records kept on the tablet for the list; older confirmed ones become counts. */
export const KEEP_SYNCED = 50;

export const emptySummary = (): SyncedSummary => ({ days: {} });
const zero = (): OutcomeCounts => ({ completed: 0, refused: 0, not_home: 0, vacant: 0 });

const DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

/** The Shanghai day of an instant, as the server keys visits (server/lib/shanghai-day.ts). */
export function shanghaiDay(at: Date | string | number): string {
  return DAY.format(new Date(at));
}

export function addToSummary(summary: SyncedSummary, items: QueueItem[]): SyncedSummary {
  const days: SyncedSummary["days"] = {};
  for (const [day, counts] of Object.entries(summary.days)) days[day] = { ...counts };
  for (const item of items) {
    const day = shanghaiDay(item.visit.visitedAt);
    days[day] ??= zero();
    days[day][item.visit.outcome]++;
  }
  return { days };
}

export function summaryTotal(summary: SyncedSummary): number {
  let n = 0;
  for (const counts of Object.values(summary.days)) n += counts.completed + counts.refused + counts.not_home + counts.vacant;
  return n;
}

/** Visits of one day: the pruned counts plus the records still held (any state). */
export function dayCounts(summary: SyncedSummary, items: QueueItem[], day: string): OutcomeCounts {
  const counts = { ...zero(), ...summary.days[day] };
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
