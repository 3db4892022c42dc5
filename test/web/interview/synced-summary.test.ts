/**
 * Summaries of pruned visits stored on tablets before 非目标户 existed have no `not_eligible` key.
 * They must keep counting (missing key = 0) and take new 非目标户 visits without turning into NaN.
 */
import "fake-indexeddb/auto";
import { openDB } from "idb";
import { describe, expect, it } from "vitest";
import { openInterviewDb } from "../../../web/features/interview/lib/interview-db";
import { addToSummary, dayCounts, summaryTotal, type SyncedSummary } from "../../../web/features/interview/sync/synced-summary";
import type { QueueItem } from "../../../web/features/interview/sync/types";
import { visitItem } from "./sync-fixtures";

const DAY = "2026-11-20";
// What an older tablet wrote: four outcomes only.
const OLD = { days: { [DAY]: { completed: 3, refused: 1, not_home: 2, vacant: 1 } } } as unknown as SyncedSummary;
const done = (item: QueueItem): QueueItem => ({ ...item, state: "done" });

describe("synced summary stored before 非目标户", () => {
  it("counts a missing outcome as 0 and adds new 非目标户 visits to it", () => {
    expect(summaryTotal(OLD)).toBe(7);
    expect(dayCounts(OLD, [], DAY)).toEqual({ completed: 3, refused: 1, not_home: 2, vacant: 1, not_eligible: 0 });

    const item = done(visitItem("zhang", 1, "not_eligible"));
    const after = addToSummary(OLD, [item]);
    expect(after.days[DAY]).toEqual({ completed: 3, refused: 1, not_home: 2, vacant: 1, not_eligible: 1 });
    expect(summaryTotal(after)).toBe(8);
    // A held (not yet pruned) 非目标户 record adds to the day's counts too.
    const held = visitItem("zhang", 1, "not_eligible");
    expect(dayCounts(OLD, [held], DAY).not_eligible).toBe(1);
  });

  it("prunes a 非目标户 visit into a summary an older version stored in IndexedDB", async () => {
    const name = `synced-summary-${crypto.randomUUID()}`;
    const db = await openInterviewDb(name);
    // Write the old shape straight into the meta store, as the earlier app version did.
    const raw = await openDB(name);
    await raw.put("meta", { key: "syncedSummary:zhang", value: OLD });
    raw.close();

    const item = done(visitItem("zhang", 1, "not_eligible"));
    await db.putItem(item);
    const { summary, pruned } = await db.pruneSynced("zhang", [item.id]);
    expect(pruned).toEqual([item.id]);
    expect(summary.days[DAY]).toEqual({ completed: 3, refused: 1, not_home: 2, vacant: 1, not_eligible: 1 });
    const stored = await db.getSummary("zhang");
    expect(summaryTotal(stored)).toBe(8);
    expect(dayCounts(stored, await db.itemsOf("zhang"), DAY).not_eligible).toBe(1);
  });
});
