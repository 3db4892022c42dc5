/**
 * How the dashboard and the 通报 turn GET /rates/ranking into rows: the server's order and flags
 * only (末位 / 先进 never from raw order), children of the ranked kind without data listed last and
 * unranked, other kinds never mixed in; and the texts that carry rank intervals, reliability,
 * neededN and the mode gap.
 */
import { describe, expect, it } from "vitest";
import { modeGapText, neededTexts, reliabilityLabel } from "../../web/features/dashboard/lib/figures";
import { namingOf, rankedUnits, rankingCells, rankText } from "../../web/features/dashboard/lib/ranking-rows";
import type { RankingBody, RatesBody } from "../../web/features/dashboard/types";

const unit = (code: string, kind: string) => ({ code, name: `单位${code}`, kind });
const row = (code: string, rank: number, interval: [number, number], flags: Partial<RankingBody["rows"][number]> = {}) => ({
  unit: unit(code, "subdistrict"),
  rate: 0.9,
  respondents: 50,
  nEff: 41.6,
  ci95Design: [0.8, 0.95] as [number, number],
  reliability: "ok" as const,
  rank,
  rankInterval: interval,
  band: "within" as const,
  funnel: "within" as const,
  mayNameLowest: false,
  mayNameBest: false,
  ...flags,
});
const child = (code: string, kind: string, respondents: number, neededN: number | null) => ({
  unit: unit(code, kind),
  metrics: { awareness: { respondents, neededN } },
  threshold: { awareness: 0.9 },
});

const ranking = {
  unit: unit("1", "district"),
  metric: "awareness",
  threshold: 0.9,
  kind: "subdistrict",
  kinds: ["subdistrict", "school"],
  rows: [
    row("A", 1, [1, 2], { mayNameBest: true, band: "above" }),
    row("B", 2, [1, 3]),
    row("C", 3, [2, 3], { reliability: "low", nEff: 7.4 }),
  ],
} as unknown as RankingBody;
const children = [
  child("A", "subdistrict", 50, 0),
  child("B", "subdistrict", 50, 210),
  child("C", "subdistrict", 7, null),
  child("D", "subdistrict", 0, null),
  child("S1", "school", 0, null),
] as unknown as RatesBody["children"];

describe("ranking rows", () => {
  it("keep the server's order, then the same kind's units without data, and no other kind", () => {
    const units = rankedUnits(ranking, children, "awareness");
    expect(units.map((u) => u.unit.code)).toEqual(["A", "B", "C", "D"]);
    expect(units[3]!.row).toBeNull();
    expect(units[1]!.neededN).toBe(210);
  });

  it("name 末位 / 先进 only where the server allows, never the last in raw order", () => {
    const units = rankedUnits(ranking, children, "awareness");
    expect(units.map((u) => namingOf(u.row))).toEqual(["best", null, null, null]);
  });

  it("write the rank with its interval, and a fixed rank alone", () => {
    expect(rankText(row("X", 3, [1, 7]) as never)).toBe("第3名（可能第1–7名）");
    expect(rankText(row("X", 3, [3, 3]) as never)).toBe("第3名");
  });

  it("export reliability, effective sample and the design interval with every rate", () => {
    const [header, ...rows] = rankingCells(rankedUnits(ranking, children, "awareness"), "awareness");
    const col = (name: string) => header!.indexOf(name);
    for (const name of ["有效样本", "区间下限(%)", "区间上限(%)", "可信度", "对照达标线", "名次区间"])
      expect(col(name)).toBeGreaterThan(-1);
    expect(rows[2]![col("可信度")]).toBe("样本不足（有效样本 7）");
    expect(rows[0]![col("可信度")]).toBe("可靠");
    expect(rows[0]![col("区间下限(%)")]).toBe(80);
    expect(rows[1]![col("名次区间")]).toBe("1–3");
    expect(rows[0]![col("通报标注")]).toBe("先进");
    expect(rows[2]![col("通报标注")]).toBeNull();
    expect(rows[3]![0]).toBeNull();
  });
});

describe("figure texts", () => {
  it("reliability: low names the rounded effective sample, review says 需复核", () => {
    expect(reliabilityLabel("low", 12.6)).toBe("样本不足（有效样本 13）");
    expect(reliabilityLabel("review", 80)).toBe("需复核");
    expect(reliabilityLabel("ok", 80)).toBe("可靠");
  });

  it("neededN: a count with its meaning, decided, or undecidable on the line", () => {
    const t = neededTexts(127, 0.85, 0.9)!;
    expect(t.label).toBe("还需 127 份样本");
    expect(t.explain).toContain("127");
    expect(t.explain).toContain("90%");
    expect(neededTexts(0, 0.95, 0.9)!.label).toBe("已可判断是否达标");
    expect(neededTexts(null, 0.9, 0.9)!.explain).toBeNull();
    expect(neededTexts(null, null, 0.9)).toBeNull();
  });

  it("mode gap: only with both channels, in percentage points with its interval", () => {
    expect(modeGapText({ qr: 0.95, interview: null, diff: null, ci95: null })).toBeNull();
    expect(modeGapText({ qr: 0.95, interview: 0.908, diff: 0.908 - 0.95, ci95: [-0.081, -0.003] })).toBe(
      "入户访问比扫码填写低 4.2 个百分点（95%区间 −8.1 至 −0.3 个百分点）",
    );
    expect(modeGapText({ qr: 0.8, interview: 0.85, diff: 0.05, ci95: null })).toBe("入户访问比扫码填写高 5.0 个百分点");
  });
});
