import { describe, expect, it } from "vitest";
import type { RegisterCopy } from "../../../web/features/interview/lib/register-copy";
import { revisitList, tabletDoors, timeOfDay } from "../../../web/features/interview/lib/revisits";
import type { QueueItem } from "../../../web/features/interview/sync/types";

const entry = (id: string, label: string, attempts: number, disposition: string, lastVisitedAt: string | null) => ({
  id,
  kind: "household" as const,
  label,
  building: null,
  unitNo: null,
  room: null,
  address: label,
  shopName: null,
  source: "import" as const,
  createdBy: "office1",
  createdAt: "2026-11-01T00:00:00Z",
  assignedTo: null,
  attempts,
  lastOutcome: attempts ? ("not_home" as const) : null,
  lastVisitedAt,
  disposition: disposition as "revisit",
  aaporCode: "2.24",
});

const copy: RegisterCopy = {
  unitCode: "500104001001",
  attemptLimit: 3,
  attemptLimitSetAt: null,
  fetchedAt: "2026-11-20T00:00:00Z",
  entries: [
    entry("a", "1栋101", 2, "revisit", "2026-11-19T02:00:00Z"),
    entry("b", "1栋102", 1, "revisit", "2026-11-18T11:00:00Z"),
    entry("c", "1栋103", 1, "complete", "2026-11-18T03:00:00Z"),
    entry("d", "1栋104", 0, "not_attempted", null),
  ],
};

const item = (doorId: string, outcome: QueueItem["visit"]["outcome"], at: string): QueueItem =>
  ({ id: at, createdAt: at, visit: { registerEntryId: doorId, outcome, visitedAt: at } }) as unknown as QueueItem;

describe("the tablet's 待回访 list", () => {
  it("lists 不在家 doors under the limit, longest-waiting first, with this tablet's newer visits folded in", () => {
    expect(revisitList(tabletDoors(copy, [], [])).map((d) => d.id)).toEqual(["b", "a"]);
    // A third 不在家 on 1栋101 reaches the limit; 1栋104 not home once; 1栋102 interviewed at last.
    const items = [
      item("a", "not_home", "2026-11-20T01:00:00Z"),
      item("d", "not_home", "2026-11-20T01:10:00Z"),
      item("b", "refused", "2026-11-20T01:20:00Z"),
      // Older than the copy: already in the server's counts, not added again.
      item("c", "not_home", "2026-11-19T23:00:00Z"),
    ];
    const doors = tabletDoors(copy, [], items);
    expect(doors.find((d) => d.id === "a")).toMatchObject({ attempts: 3, disposition: "non_contact" });
    expect(doors.find((d) => d.id === "b")).toMatchObject({ attempts: 2, disposition: "refusal" });
    expect(doors.find((d) => d.id === "c")).toMatchObject({ attempts: 1, disposition: "complete" });
    expect(revisitList(doors).map((d) => [d.id, d.attempts, d.lastVisitedAt])).toEqual([["d", 1, "2026-11-20T01:10:00Z"]]);
  });

  it("takes a 非目标户 door off the list, offline and as the server's final state", () => {
    // Offline: 1栋101 (2 tries so far) turns out to have nobody the survey is for.
    const offline = tabletDoors(copy, [], [item("a", "not_eligible", "2026-11-20T01:00:00Z")]);
    expect(offline.find((d) => d.id === "a")).toMatchObject({ attempts: 3, disposition: "not_eligible" });
    expect(revisitList(offline).map((d) => d.id)).toEqual(["b"]);
    // From the server: a door already final as 非目标户 stays final when this tablet adds nothing.
    const served = { ...copy, entries: [entry("e", "1栋105", 1, "not_eligible", "2026-11-19T02:00:00Z")] };
    expect(tabletDoors(served, [], [])[0]).toMatchObject({ attempts: 1, disposition: "not_eligible" });
    expect(revisitList(tabletDoors(served, [], []))).toEqual([]);
  });

  it("names the part of the day in Asia/Shanghai", () => {
    expect(timeOfDay("2026-11-20T00:30:00Z")).toBe("morning"); // 08:30
    expect(timeOfDay("2026-11-20T03:59:00Z")).toBe("morning"); // 11:59
    expect(timeOfDay("2026-11-20T04:00:00Z")).toBe("afternoon"); // 12:00
    expect(timeOfDay("2026-11-20T09:00:00Z")).toBe("evening"); // 17:00
    expect(timeOfDay("2026-11-20T13:00:00Z")).toBe("night"); // 21:00
    expect(timeOfDay("2026-11-19T20:59:00Z")).toBe("night"); // 04:59
  });
});
