/**
 * The monthly 通报's Word file, built from a report model as the page builds it: it unzips to
 * well-formed WordprocessingML that names the unit and the month and carries every figure of the
 * model as shown, sets East Asian fonts in the styles and on the runs, and names unit, range,
 * filters, thresholds and generation time inside and in its file name.
 */
import { Packer } from "docx";
import { describe, expect, it } from "vitest";
import { monthlyDocument } from "../../web/features/dashboard/lib/monthly-docx";
import { buildMonthlyReport, reportFigures, type MonthlyInputs } from "../../web/features/dashboard/lib/monthly-model";
import { previousMonth, reportMonthOf } from "../../web/features/dashboard/lib/shanghai-month";
import type { FieldUnitsBody, RankingBody, RatesBody } from "../../web/features/dashboard/types";
import { checkWellFormed, readDocx } from "../helpers/docx-reader";

const THRESHOLD = { awareness: 0.9, support: 0.9, participation: 0.85, satisfaction: 0.9 };
const metric = (rate: number | null, variance: number | null, respondents: number, extra: Record<string, unknown> = {}) => ({
  respondents,
  answers: respondents * 2,
  positive: 0,
  rate,
  ci95: [rate === null ? 0 : rate - 0.05, rate === null ? 1 : rate + 0.04],
  ci95Design: [rate === null ? 0 : rate - 0.061, rate === null ? 1 : rate + 0.048],
  status: rate === null ? "insufficient" : rate >= 0.9 ? "pass" : "fail",
  certain: false,
  certainDesign: rate !== null && rate < 0.8,
  variance,
  nEff: respondents * 0.8,
  reliability: respondents < 30 ? "low" : "ok",
  neededN: null,
  modeGap: { qr: null, interview: null, diff: null, ci95: null },
  ...extra,
});
const unit = (code: string, name: string, kind: string) => ({ code, name, kind });

function rates(current: boolean): RatesBody {
  return {
    unit: unit("500104000000", "渝中区", "district"),
    threshold: THRESHOLD,
    minRespondents: 20,
    metrics: current
      ? {
          awareness: metric(0.8, 0.0004, 120, { modeGap: { qr: 0.86, interview: 0.78, diff: -0.08, ci95: [-0.15, -0.01] } }),
          support: metric(0.8, 0.0004, 120),
          participation: metric(0.62, null, 1),
          satisfaction: metric(0.915, 0.0001, 25),
        }
      : {
          awareness: metric(0.74, 0.0005, 90),
          support: metric(0.75, 0.0005, 90),
          participation: metric(null, null, 0),
          satisfaction: metric(0.9, 0.0002, 40),
        },
    questions: [
      {
        surveyId: "resident",
        name: "q1",
        metric: "awareness",
        title: "您是否知道本市正在创建全国文明城市",
        answers: 120,
        positive: 70,
        rate: 70 / 120,
      },
      { surveyId: "resident", name: "q2", metric: "support", title: "您是否支持创文", answers: 110, positive: 99, rate: 0.9 },
      // Too few answers to be a reliable "weakest" question: left out.
      { surveyId: "parent", name: "q3", metric: "support", title: "孩子学校是否开展文明教育", answers: 6, positive: 0, rate: 0 },
    ],
    children: [
      {
        unit: unit("500104001000", "解放碑街道", "subdistrict"),
        threshold: THRESHOLD,
        metrics: { awareness: metric(0.95, 0.0002, 60, { neededN: 0 }) },
      },
      { unit: unit("500104002000", "朝天门街道", "subdistrict"), threshold: THRESHOLD, metrics: { awareness: metric(0.55, 0.002, 60) } },
      { unit: unit("500104003000", "大溪沟街道", "subdistrict"), threshold: THRESHOLD, metrics: { awareness: metric(null, null, 0) } },
    ],
  } as unknown as RatesBody;
}

const ranking = {
  unit: unit("500104000000", "渝中区", "district"),
  metric: "awareness",
  threshold: 0.9,
  kind: "subdistrict",
  kinds: ["subdistrict"],
  rows: [
    {
      unit: unit("500104001000", "解放碑街道", "subdistrict"),
      rate: 0.95,
      respondents: 60,
      nEff: 48.2,
      ci95Design: [0.91, 0.98],
      reliability: "ok",
      rank: 1,
      rankInterval: [1, 1],
      band: "above",
      funnel: "within",
      mayNameBest: true,
      mayNameLowest: false,
    },
    {
      unit: unit("500104002000", "朝天门街道", "subdistrict"),
      rate: 0.55,
      respondents: 60,
      nEff: 44.6,
      ci95Design: [0.41, 0.68],
      reliability: "ok",
      rank: 2,
      rankInterval: [2, 2],
      band: "below",
      funnel: "below99.8",
      mayNameBest: false,
      mayNameLowest: true,
    },
  ],
} as unknown as RankingBody;

const field = {
  unit: unit("500104000000", "渝中区", "district"),
  totals: {
    visits: 30,
    completed: 20,
    refused: 5,
    notHome: 4,
    vacant: 1,
    visitedHouseholds: 28,
    households: 400,
    coverage: 28 / 400,
    responseRate: 0.8,
  },
  rows: [
    {
      unit: unit("500104001001", "较场口社区", "community"),
      households: 400,
      visitedHouseholds: 28,
      coverage: 0.07,
      visits: 30,
      completed: 20,
      refused: 5,
      notHome: 4,
      vacant: 1,
      responseRate: 0.8,
    },
    {
      unit: unit("500104001002", "七星岗社区", "community"),
      households: null,
      visitedHouseholds: 3,
      coverage: null,
      visits: 3,
      completed: 3,
      refused: 0,
      notHome: 0,
      vacant: 0,
      responseRate: 1,
    },
  ],
} as unknown as FieldUnitsBody;

function inputs(overrides: Partial<MonthlyInputs> = {}): MonthlyInputs {
  const month = reportMonthOf("2026-11", new Date("2026-12-03T08:37:00Z"));
  return {
    filters: { unit: "500104000000", audience: "resident", metric: "awareness" },
    month,
    previous: previousMonth(month),
    rates: rates(true),
    previousRates: rates(false),
    rankings: [ranking],
    field,
    issues: [{ unitName: "朝天门街道", openCount: 7 }],
    generatedAt: new Date("2026-12-03T08:37:00Z"),
    ...overrides,
  };
}

const PNG_1X1 = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="),
  (c) => c.charCodeAt(0),
);

async function docxOf(i: MonthlyInputs) {
  const report = buildMonthlyReport(i);
  const charts = [{ title: "各项指标", png: PNG_1X1, width: 640, height: 320 }];
  return { report, docx: readDocx(new Uint8Array(await Packer.toBuffer(monthlyDocument(report, charts)))) };
}

describe("the monthly 通报 as a Word file", () => {
  it("the model carries the month's figures, the change test and only §7's naming", () => {
    const r = buildMonthlyReport(inputs());
    expect(r.title).toBe("渝中区创建全国文明城市测评情况通报（2026年11月）");
    const [awareness, support, participation, satisfaction] = r.metrics;
    // z = 0.06 / sqrt(0.0009) = 2.0 and 0.05 / 0.03 = 1.67 (the hand-worked cases of month-change.test.ts).
    expect([awareness!.rate, awareness!.previousRate, awareness!.change, awareness!.verdict]).toEqual([
      "80.0%",
      "74.0%",
      "上升 6.0 个百分点",
      "变化显著",
    ]);
    expect([support!.change, support!.verdict]).toEqual(["上升 5.0 个百分点", "变化在误差范围内"]);
    expect(participation!.verdict).toBe("缺少某月数据，无法比较");
    expect(satisfaction!.note).toBe("样本不足（有效样本 20）");
    expect(r.best).toEqual(["解放碑街道（95.0%）"]);
    expect(r.lowest).toEqual(["朝天门街道（55.0%）"]);
    expect(r.rankings[0]!.rows.map((x) => x.unit)).toEqual(["解放碑街道", "朝天门街道", "大溪沟街道"]);
    expect(r.weakQuestions.map((q) => q.counts)).toEqual(["70/120", "99/110"]);
    expect(r.scopeLine).toBe(
      "调查对象：居民 · 渠道：全部 · 不含可疑答卷 · 统计期间：2026-11-01 至 2026-11-30（对比 2026-10-01 至 2026-10-31）· 达标线：知晓率 90%、支持率 90%、参与率 85%、满意率 90%；最少样本 20 人 · 生成时间：2026-12-03 16:37",
    );
    expect(r.fileName).toBe("渝中区_测评通报_2026-11-01至2026-11-30_居民_全部渠道_达标线90%-85%_生成20261203-1637.docx");
  });

  it("unzips to well-formed WordprocessingML holding the unit, the month and every figure", async () => {
    const { report, docx } = await docxOf(inputs());
    expect(docx.files).toEqual(expect.arrayContaining(["word/document.xml", "word/styles.xml", "[Content_Types].xml"]));
    expect(docx.files.some((f) => f.startsWith("word/media/") && f.endsWith(".png"))).toBe(true);
    const text = docx.paragraphs.join("\n");
    expect(docx.paragraphs[0]).toBe(report.title);
    expect(text).toContain("渝中区");
    expect(text).toContain("2026年11月");
    for (const figure of reportFigures(report)) expect(text, figure).toContain(figure);
    for (const heading of ["一、总体情况", "二、各单位排名", "三、薄弱题目", "四、入户宣传覆盖", "五、问题清单", "六、说明"]) {
      expect(docx.paragraphs).toContain(heading);
    }
    expect(text).toContain(report.scopeLine);
    expect(text).toContain("先进单位：解放碑街道（95.0%）");
    expect(text).toContain("末位单位：朝天门街道（55.0%）");
    expect(text).not.toContain("孩子学校是否开展文明教育");
    expect(report.modeGaps).toHaveLength(1);
    expect(text).toContain(report.modeGaps[0]);
  });

  it("sets East Asian fonts in the styles and on the runs, and the Chinese language", async () => {
    const { docx } = await docxOf(inputs());
    expect(docx.stylesXml).toMatch(/<w:rFonts[^>]*w:eastAsia="仿宋"/);
    expect(docx.stylesXml).toMatch(/<w:style[^>]*w:styleId="Heading1"[\s\S]*?w:eastAsia="黑体"[\s\S]*?<\/w:style>/);
    expect(docx.documentXml).toMatch(/<w:rFonts[^>]*w:eastAsia="宋体"/);
    expect(docx.documentXml).toMatch(/<w:rFonts[^>]*w:eastAsia="黑体"/);
    expect(docx.documentXml).toMatch(/<w:lang[^>]*w:eastAsia="zh-CN"/);
    // Every run names its East Asian font, so neither Word nor WPS falls back to a Latin one.
    const runs = docx.documentXml.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? [];
    expect(runs.length).toBeGreaterThan(50);
    for (const r of runs.filter((x) => x.includes("<w:t"))) expect(r).toContain("w:eastAsia=");
    // Body text at the notice's exact 28 pt; a chart's paragraph never, or Word would crop the image to one line.
    const paragraphs = docx.documentXml.match(/<w:p>[\s\S]*?<\/w:p>/g) ?? [];
    const images = paragraphs.filter((p) => p.includes("<w:drawing"));
    expect(images).toHaveLength(1);
    for (const p of images) expect(p).not.toContain('w:lineRule="exact"');
    expect(paragraphs.some((p) => p.includes('w:line="560"') && p.includes('w:lineRule="exact"'))).toBe(true);
  });

  it("says 暂无数据 without 问题清单 items and 本月至今 for the current month", async () => {
    const now = new Date("2026-12-03T08:37:00Z");
    const month = reportMonthOf("current", now);
    const { report, docx } = await docxOf(inputs({ month, previous: previousMonth(month), issues: [], field: null }));
    expect(report.monthLabel).toBe("2026年12月（本月至今，截至12月3日）");
    const issuesAt = docx.paragraphs.indexOf("五、问题清单");
    expect(docx.paragraphs[issuesAt + 1]).toBe("暂无数据");
    expect(docx.paragraphs).toContain("本月没有入户记录。");
    expect(report.fileName).toContain("2026-12-01至2026-12-03");
  });

  it("the XML check itself refuses broken markup", () => {
    expect(() => checkWellFormed("<w:p><w:r></w:p>")).toThrow(/malformed/);
    expect(() => checkWellFormed("<w:p>")).toThrow(/malformed/);
    expect(() => checkWellFormed("<a/><b/>")).toThrow(/malformed/);
    expect(() => checkWellFormed('<w:document xmlns:w="x"><w:p/></w:document>')).not.toThrow();
  });
});
