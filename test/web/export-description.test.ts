import { describe, expect, it } from "vitest";
import { describedRows, exportFileName, exportInfoLines, shanghaiStamp } from "../../web/features/dashboard/lib/export-description";

const subject = {
  unit: { code: "500104000000", name: "大渡口区" },
  filters: {
    unit: "500104000000",
    audience: "resident" as const,
    from: "2026-11-01",
    to: "2026-11-30",
    includeFlagged: true,
    metric: "satisfaction" as const,
  },
  table: "街道满意率排名",
  threshold: 0.9,
  // 2026-12-03 01:05:07 UTC is 09:05:07 in Shanghai.
  generatedAt: new Date("2026-12-03T01:05:07Z"),
};

describe("table exports say what they are (issue 14, part 6)", () => {
  it("names the unit, filters, dates, threshold and Shanghai time in the file name", () => {
    expect(exportFileName(subject)).toBe("大渡口区_街道满意率排名_居民_全部渠道_2026-11-01至2026-11-30_含已标记_达标90%_20261203-090507");
    expect(exportFileName({ ...subject, unit: { code: "1", name: 'a/b:"c"' }, filters: { unit: "1", metric: "awareness" } })).toBe(
      "abc_街道满意率排名_全部对象_全部渠道_全部日期_达标90%_20261203-090507",
    );
  });

  it("says the same inside the file, above the table in a CSV", () => {
    const lines = Object.fromEntries(exportInfoLines(subject));
    expect(lines).toMatchObject({
      单位: "大渡口区（500104000000）",
      调查对象: "居民",
      渠道: "全部",
      "日期范围（完成时间，北京时间）": "2026-11-01至2026-11-30",
      可疑答卷: "含已标记",
      达标线: "90%",
      "生成时间（北京时间）": "2026-12-03 09:05:07",
    });
    const rows = describedRows(subject, [
      ["名次", "单位"],
      [1, "跃进村街道"],
    ]);
    expect(rows.at(-3)).toEqual([]);
    expect(rows.slice(-2)).toEqual([
      ["名次", "单位"],
      [1, "跃进村街道"],
    ]);
    expect(shanghaiStamp(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01 00:00:00");
  });
});
