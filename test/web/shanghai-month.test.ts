import { describe, expect, it } from "vitest";
import {
  addMonths,
  currentMonth,
  daysBeforeDue,
  lastDayOf,
  lastFullMonth,
  pickableMonths,
  previousMonth,
  reportMonthOf,
} from "../../web/features/dashboard/lib/shanghai-month";

/** 00:30 on 1 December in Shanghai is still 30 November in UTC. */
const DEC_1_SHANGHAI = new Date("2026-11-30T16:30:00Z");
/** 23:59:59 on 31 December in Shanghai. */
const DEC_31_LATE = new Date("2026-12-31T15:59:59Z");

describe("Shanghai months of the 通报", () => {
  it("takes the month from the Shanghai calendar, not UTC", () => {
    expect(currentMonth(DEC_1_SHANGHAI)).toEqual({ month: "2026-12", current: true, from: "2026-12-01", to: "2026-12-01" });
    expect(lastFullMonth(DEC_1_SHANGHAI)).toEqual({ month: "2026-11", current: false, from: "2026-11-01", to: "2026-11-30" });
    expect(currentMonth(DEC_31_LATE).to).toBe("2026-12-31");
    // One second later it is January in Shanghai.
    expect(currentMonth(new Date("2026-12-31T16:00:00Z"))).toEqual({
      month: "2027-01",
      current: true,
      from: "2027-01-01",
      to: "2027-01-01",
    });
  });

  it("the last full month crosses the year; month lengths follow the calendar", () => {
    expect(lastFullMonth(new Date("2027-01-05T04:00:00Z"))).toEqual({
      month: "2026-12",
      current: false,
      from: "2026-12-01",
      to: "2026-12-31",
    });
    expect(lastDayOf("2026-02")).toBe("2026-02-28");
    expect(lastDayOf("2028-02")).toBe("2028-02-29");
    expect(lastDayOf("2100-02")).toBe("2100-02-28");
    expect(lastDayOf("2000-02")).toBe("2000-02-29");
    expect(lastDayOf("2026-04")).toBe("2026-04-30");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2026-03", -15)).toBe("2024-12");
  });

  it("reads the URL's month: current, a past month, else the last full month", () => {
    const now = new Date("2026-12-03T02:00:00Z");
    expect(reportMonthOf("current", now)).toEqual({ month: "2026-12", current: true, from: "2026-12-01", to: "2026-12-03" });
    expect(reportMonthOf("2026-10", now)).toEqual({ month: "2026-10", current: false, from: "2026-10-01", to: "2026-10-31" });
    for (const bad of [null, undefined, "", "2026-12", "2027-01", "2026-13", "2026-1", "1999-12", "current "]) {
      expect(reportMonthOf(bad, now)).toEqual({ month: "2026-11", current: false, from: "2026-11-01", to: "2026-11-30" });
    }
  });

  it("compares with the whole month before, also for 本月至今", () => {
    const now = new Date("2026-12-03T02:00:00Z");
    expect(previousMonth(reportMonthOf("current", now))).toEqual({
      month: "2026-11",
      current: false,
      from: "2026-11-01",
      to: "2026-11-30",
    });
    expect(previousMonth(reportMonthOf("2026-03", now))).toEqual({
      month: "2026-02",
      current: false,
      from: "2026-02-01",
      to: "2026-02-28",
    });
    expect(pickableMonths(now, 3)).toEqual(["2026-11", "2026-10", "2026-09"]);
  });

  it("counts the days left before the 22nd in Shanghai", () => {
    expect(daysBeforeDue(new Date("2026-12-03T02:00:00Z"))).toBe(19);
    // 00:00 on the 22nd in Shanghai is 16:00 on the 21st in UTC.
    expect(daysBeforeDue(new Date("2026-12-21T15:59:59Z"))).toBe(1);
    expect(daysBeforeDue(new Date("2026-12-21T16:00:00Z"))).toBe(0);
    expect(daysBeforeDue(new Date("2026-12-23T01:00:00Z"))).toBe(-1);
    expect(daysBeforeDue(new Date("2027-02-28T01:00:00Z"))).toBe(-6);
  });
});
