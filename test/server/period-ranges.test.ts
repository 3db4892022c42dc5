import { describe, expect, it } from "vitest";
import { periodRanges } from "../../server/services/rollups/rollup-queries";

/** Every day from..to expanded, to check a decomposition covers each day exactly once. */
function daysCovered(ranges: [string, string][], span: [string, string]): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${span[0]}T00:00:00Z`); t <= Date.parse(`${span[1]}T00:00:00Z`); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    const hits = ranges.filter(([lo, hi]) => {
      const asDay = `D:${day}`;
      const asMonth = `M:${day.slice(0, 7)}`;
      return (lo <= asDay && asDay <= hi) || (lo <= asMonth && asMonth <= hi);
    }).length;
    for (let i = 0; i < hits; i++) out.push(day);
  }
  return out;
}

describe("periodRanges", () => {
  it("uses month rows for whole months and day rows for the ragged ends", () => {
    expect(periodRanges({})).toEqual([["M:", "M:\uffff"]]);
    expect(periodRanges({ from: "2026-03-01", to: "2026-05-31" })).toEqual([["M:2026-03", "M:2026-05"]]);
    expect(periodRanges({ from: "2026-03-15", to: "2026-05-31" })).toEqual([
      ["M:2026-04", "M:2026-05"],
      ["D:2026-03-15", "D:2026-03-31"],
    ]);
    expect(periodRanges({ from: "2026-03-15", to: "2026-03-20" })).toEqual([["D:2026-03-15", "D:2026-03-20"]]);
    expect(periodRanges({ from: "2026-02-01", to: "2026-02-28" })).toEqual([["M:2026-02", "M:2026-02"]]);
    expect(periodRanges({ to: "2026-02-10" })).toEqual([
      ["M:", "M:2026-01"],
      ["D:2026-02-01", "D:2026-02-10"],
    ]);
    expect(periodRanges({ from: "2026-12-31" })).toEqual([
      ["M:2027-01", "M:\uffff"],
      ["D:2026-12-31", "D:2026-12-31"],
    ]);
    expect(periodRanges({ from: "2026-05-02", to: "2026-05-01" })).toEqual([]);
  });

  it("covers every day of any range exactly once", () => {
    const start = Date.parse("2024-01-01T00:00:00Z");
    for (let i = 0; i < 400; i++) {
      const a = start + Math.floor(((i * 7919) % 900) * 86_400_000);
      const b = a + Math.floor(((i * 104729) % 200) * 86_400_000);
      const from = new Date(a).toISOString().slice(0, 10);
      const to = new Date(b).toISOString().slice(0, 10);
      const covered = daysCovered(periodRanges({ from, to }), [from, to]);
      const expected = daysCovered([[`D:${from}`, `D:${to}`]], [from, to]);
      expect(covered, `${from}..${to}`).toEqual(expected);
      // Nothing outside the range is covered either.
      const outside = daysCovered(periodRanges({ from, to }), [
        new Date(a - 40 * 86_400_000).toISOString().slice(0, 10),
        new Date(a - 86_400_000).toISOString().slice(0, 10),
      ]);
      expect(outside).toEqual([]);
    }
  });
});

describe("periodRanges at the ends of the valid days (issue 11)", () => {
  it("clamps bounds to 2000-01-01..9999-12-31 and never lets a five-digit year cover other months", () => {
    expect(periodRanges({ from: "0000-01-15", to: "2026-02-10" })).toEqual(periodRanges({ from: "2000-01-01", to: "2026-02-10" }));
    expect(periodRanges({ from: "0050-03-15" })).toEqual([["M:2000-01", "M:\uffff"]]);
    expect(periodRanges({ to: "1999-12-31" })).toEqual([]);
    expect(periodRanges({ from: "0001-01-01", to: "0099-12-31" })).toEqual([]);
    // Mid-December 9999: the next whole month would be 10000-01, which must not become a range.
    expect(periodRanges({ from: "9999-12-15" })).toEqual([["D:9999-12-15", "D:9999-12-31"]]);
    expect(periodRanges({ from: "9999-12-15", to: "9999-12-31" })).toEqual([["D:9999-12-15", "D:9999-12-31"]]);
    expect(periodRanges({ from: "2026-11-20", to: "9999-12-31" })).toEqual([
      ["M:2026-12", "M:9999-12"],
      ["D:2026-11-20", "D:2026-11-30"],
    ]);
    // Leap years without Date: 2000 and 2400 are, 2100 is not.
    expect(periodRanges({ from: "2000-02-01", to: "2000-02-29" })).toEqual([["M:2000-02", "M:2000-02"]]);
    expect(periodRanges({ from: "2100-02-01", to: "2100-02-28" })).toEqual([["M:2100-02", "M:2100-02"]]);
    expect(periodRanges({ from: "2400-02-01", to: "2400-02-28" })).toEqual([["D:2400-02-01", "D:2400-02-28"]]);
  });
});
