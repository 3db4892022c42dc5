import { describe, expect, it } from "vitest";
import { shanghaiWeekStart, versionMarks } from "../../web/features/dashboard/lib/version-marks";

const weeks = ["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"].map((week) => ({ week }));

describe("version marks on the weekly trend", () => {
  it("finds the Shanghai week of an instant, Monday to Sunday", () => {
    expect(shanghaiWeekStart("2026-11-16T00:00:00+08:00")).toBe("2026-11-16");
    // Sunday 23:30 in Shanghai is still the week before; 16:30 UTC that Sunday is Monday 00:30 there.
    expect(shanghaiWeekStart("2026-11-22T15:30:00Z")).toBe("2026-11-16");
    expect(shanghaiWeekStart("2026-11-22T16:30:00Z")).toBe("2026-11-23");
  });
  it("marks the week of each boundary, merges a week's versions and leaves out weeks not shown", () => {
    const marks = versionMarks(weeks, [
      { surveyId: "resident", version: 2, publishedAt: "2026-11-10T02:00:00Z", meaningChanged: false },
      { surveyId: "parent", version: 3, publishedAt: "2026-11-12T02:00:00Z", meaningChanged: true },
      { surveyId: "resident", version: 3, publishedAt: "2026-11-24T02:00:00Z", meaningChanged: false },
      { surveyId: "resident", version: 4, publishedAt: "2026-12-24T02:00:00Z", meaningChanged: true },
    ]);
    expect(marks).toEqual([
      { index: 1, versions: [2, 3], meaningChanged: true },
      { index: 3, versions: [3], meaningChanged: false },
    ]);
  });
  it("has nothing to mark without boundaries (a server before the editor)", () => {
    expect(versionMarks(weeks, undefined)).toEqual([]);
  });
});
