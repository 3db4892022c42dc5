/**
 * Issue 14 part 4 in real Chromium: the monthly 通报. Interviews completed in the last full
 * month and the month before (tablets work offline, so backdated interviews are believed within
 * INTERVIEW_CLOCK_SLACK_MINUTES), door knocks in the last full month. The user picks the month in
 * the picker; the figures on the page equal the API's for that month's from/to, and the Word file
 * downloaded from the page reads back as well-formed WordprocessingML holding the unit, the month
 * and every figure the page shows.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shippedSurveys } from "../../surveys/index";
import { pct } from "../../web/features/dashboard/lib/format";
import { monthChange } from "../../web/features/dashboard/lib/month-change";
import { monthLabel } from "../../web/features/dashboard/lib/monthly-model";
import { rankText } from "../../web/features/dashboard/lib/ranking-rows";
import { daysBeforeDue, lastFullMonth, previousMonth } from "../../web/features/dashboard/lib/shanghai-month";
import type { FieldUnitsBody, RankingBody, RatesBody } from "../../web/features/dashboard/types";
import { generateAnswers, seededRng } from "../helpers/answer-generator";
import { readDocx } from "../helpers/docx-reader";
import { seriousAxeViolations } from "./axe";
import {
  apiSession,
  launchBrowser,
  newPage,
  requireChromium,
  resultPath,
  startTestServer,
  type ApiSession,
  type LaunchedBrowser,
  type TestServer,
} from "./harness";

const DISTRICT = "500104000000";
const HIGH = "500104001001";
const LOW = "500104002001";
const METRICS = ["awareness", "support", "participation", "satisfaction"] as const;
const SHOT = (name: string) => `/tmp/wt-monthly-${name}.png`;

function answers(seed: number, positiveBias: number): Record<string, unknown> {
  const json = shippedSurveys.find((s) => s.id === "resident")!.json;
  for (let s = seed; ; s += 7919) {
    const a = generateAnswers(json, seededRng(s), { positiveBias, optionalRate: 1 });
    if ("knows_campaign" in a) return a;
  }
}

describe.skipIf(!requireChromium())("the monthly 通报 (real Chromium)", () => {
  let server: TestServer;
  let api: ApiSession;
  let browser: LaunchedBrowser;
  let page: Page;
  let errors: string[];
  let version: number;
  const month = lastFullMonth(new Date());
  const before = previousMonth(month);

  /** n interviews completed at 10:00 Shanghai time on `day`. */
  async function send(unitCode: string, day: string, n: number, positiveBias: number, seed: number) {
    for (let i = 0; i < n; i++) {
      const completed = Date.parse(`${day}T10:00:00+08:00`) + i * 60_000;
      const res = await api.post("/api/v1/responses", {
        id: crypto.randomUUID(),
        surveyId: "resident",
        surveyVersion: version,
        channel: "interview",
        answers: answers(seed + i, positiveBias),
        startedAt: new Date(completed - 10 * 60_000).toISOString(),
        completedAt: new Date(completed).toISOString(),
        deviceId: `e2e-monthly-${seed + i}`,
        unitCode,
      });
      expect(res.status).toBe(201);
    }
  }

  const query = (from: string, to: string) => `unit=${DISTRICT}&audience=resident&includeFlagged=0&from=${from}&to=${to}`;
  const ratesOf = async (m: { from: string; to: string }) => (await api.get<RatesBody>(`/api/v1/rates?${query(m.from, m.to)}`)).body;

  beforeAll(async () => {
    // Tablets may sync late: interviews up to 120 days old are believed here (the months under test).
    server = await startTestServer({ INTERVIEW_CLOCK_SLACK_MINUTES: String(120 * 24 * 60) });
    api = apiSession(server.url);
    expect((await api.post("/api/v1/auth/login", { username: "admin", password: server.adminPassword })).status).toBe(200);
    version = (await api.get<{ version: number }>("/api/v1/surveys/resident")).body.version;
    await send(HIGH, `${month.month}-10`, 60, 0.97, 1);
    await send(LOW, `${month.month}-12`, 60, 0.35, 1000);
    await send(HIGH, `${before.month}-10`, 40, 0.85, 2000);
    await send(LOW, `${before.month}-12`, 40, 0.6, 3000);
    // Door knocks in the month: coverage of HIGH's households.
    for (let i = 0; i < 6; i++) {
      const res = await api.post("/api/v1/visits", {
        id: crypto.randomUUID(),
        unitCode: HIGH,
        surveyId: "resident",
        household: `3栋${i + 1}01`,
        outcome: "not_home",
        visitedAt: new Date(Date.parse(`${month.month}-05T15:00:00+08:00`) + i * 60_000).toISOString(),
        deviceId: "e2e-monthly-tablet",
      });
      expect(res.status).toBe(201);
    }
    browser = await launchBrowser({
      viewport: { width: 1280, height: 900 },
      locale: "zh-CN",
      timezoneId: "Asia/Shanghai",
      acceptDownloads: true,
    });
    ({ page, errors } = await newPage(browser.context));
    await page.goto(`${server.url}/login`);
    await page.locator('input[name="username"]').fill("admin");
    await page.locator('input[name="password"]').fill(server.adminPassword);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/dashboard/);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("opens on the last full month, offers 本月至今, and counts the days before the 22nd", async () => {
    await page.goto(`${server.url}/dashboard/report?unit=${DISTRICT}&audience=resident`);
    const report = page.locator('[data-testid="monthly-report"]');
    await expect.poll(() => report.getAttribute("data-month"), { timeout: 15_000 }).toBe(month.month);
    const picker = page.locator('[data-testid="month-picker"]');
    expect(await picker.inputValue()).toBe(month.month);
    const options = await picker.locator("option").allInnerTexts();
    expect(options[0]).toMatch(/^本月至今（\d{4}年\d{1,2}月）$/);
    expect(options[1]).toBe(monthLabel(month.month));
    const days = daysBeforeDue(new Date());
    const due = await page.locator('[data-testid="report-due"]').innerText();
    expect(due).toBe(days > 0 ? `距本月22日还有 ${days} 天` : days === 0 ? "今天是本月22日" : `本月22日已过 ${-days} 天`);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it("picking a month shows that month's figures, as the API gives them for its days, against the month before", async () => {
    await page.goto(`${server.url}/dashboard/report?unit=${DISTRICT}&audience=resident&month=current`);
    const report = page.locator('[data-testid="monthly-report"]');
    await expect.poll(() => report.getAttribute("data-month"), { timeout: 15_000 }).toBe("current");
    const picker = page.locator('[data-testid="month-picker"]');
    expect(await picker.inputValue()).toBe("current");
    await picker.selectOption(month.month);
    await page.waitForURL(new RegExp(`month=${month.month}`));
    await expect.poll(() => report.getAttribute("data-month"), { timeout: 15_000 }).toBe(month.month);
    const [now, prev] = [await ratesOf(month), await ratesOf(before)];
    expect(await page.locator("h1").innerText()).toBe(`${now.unit.name}创建全国文明城市测评情况通报（${monthLabel(month.month)}）`);
    expect(now.metrics.awareness.respondents).toBe(120);
    expect(prev.metrics.awareness.respondents).toBe(80);
    for (const k of METRICS) {
      const row = page.locator(`[data-testid="monthly-metrics"] tr[data-metric="${k}"]`);
      const m = now.metrics[k];
      const p = prev.metrics[k];
      expect(await row.locator('[data-field="respondents"]').innerText()).toBe(String(m.respondents));
      expect(await row.locator(".dash-rate__value").innerText()).toBe(pct(m.rate));
      expect(await row.locator('[data-field="ci"]').innerText()).toBe(`${pct(m.ci95Design[0])} – ${pct(m.ci95Design[1])}`);
      expect(await row.locator('[data-field="previous"]').innerText()).toBe(pct(p.rate));
      const change = monthChange(m, p);
      const points = change.diff === null ? null : (Math.abs(change.diff) * 100).toFixed(1);
      const expectedChange = points === null ? "—" : points === "0.0" ? "持平" : `${change.diff! > 0 ? "上升" : "下降"} ${points} 个百分点`;
      expect(await row.locator('[data-field="change"]').innerText()).toBe(expectedChange);
      const verdict = await row.locator('[data-field="verdict"]').innerText();
      expect(verdict).toBe(
        { significant: "变化显著", noise: "变化在误差范围内", unknown: "样本过少，无法判断是否超出误差" }[change.verdict],
      );
    }
    expect(await page.locator('[data-testid="change-formula"]').innerText()).toContain("√（本月方差 + 上月方差）");

    const ranking = (await api.get<RankingBody>(`/api/v1/rates/ranking?${query(month.from, month.to)}&metric=awareness`)).body;
    expect(ranking.rows.length).toBe(2);
    const table = page.locator(`[data-testid="report-ranking"][data-kind="${ranking.kind}"]`);
    for (const r of ranking.rows) {
      const cells = table.locator(`tr[data-code="${r.unit.code}"]`);
      expect(await cells.locator('[data-field="rank"]').innerText()).toBe(rankText(r));
      expect((await cells.locator('[data-field="unit"]').innerText()).includes("末位")).toBe(r.mayNameLowest);
      expect((await cells.locator('[data-field="unit"]').innerText()).includes("先进")).toBe(r.mayNameBest);
    }
    const lowestNamed = ranking.rows.filter((r) => r.mayNameLowest).map((r) => r.unit.name);
    expect(lowestNamed.length).toBeGreaterThan(0);
    for (const name of lowestNamed) expect(await page.locator('[data-testid="report-lowest"]').innerText()).toContain(name);

    const field = (await api.get<FieldUnitsBody>(`/api/v1/field-progress/units?unit=${DISTRICT}&from=${month.from}&to=${month.to}`)).body;
    expect(field.totals.visitedHouseholds).toBe(6);
    expect(await page.locator('[data-testid="report-coverage"]').innerText()).toContain(
      `本月入户 6 户，登记住户 ${field.totals.households} 户，覆盖率 ${pct(field.totals.coverage)}。`,
    );
    expect(await page.locator('[data-testid="report-issues"]').innerText()).toBe("暂无数据");
    expect(await page.locator(".chart").count()).toBe(2);
    await page.waitForTimeout(500);
    await page.screenshot({ path: SHOT("page"), fullPage: true });
  });

  it("downloads a Word file that holds the unit, the month and every figure on the page", async () => {
    const report = page.locator('[data-testid="monthly-report"]');
    const shown = [
      ...(await report.locator("[data-figure]").allInnerTexts()),
      ...(await report.locator(".dash-rate__value").allInnerTexts()),
      ...(await report.locator(".dash-rate__note").allInnerTexts()),
    ].map((s) => s.trim());
    expect(shown.length).toBeGreaterThan(40);
    const scope = await page.locator('[data-testid="report-scope"]').innerText();
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('[data-testid="download-docx"]').click()]);
    const name = download.suggestedFilename();
    expect(name).toBe(name.replace(/[\\/:*?"<>|]/g, ""));
    const unitName = (await ratesOf(month)).unit.name;
    for (const part of [unitName, `${month.from}至${month.to}`, "居民", "全部渠道", "达标线90%", "生成"]) expect(name).toContain(part);
    expect(name.endsWith(".docx")).toBe(true);
    // Kept for a look in Word or WPS (test-results/ is git-ignored).
    const saved = resultPath("monthly-report.docx");
    await download.saveAs(saved);
    const docx = readDocx(new Uint8Array(readFileSync(saved)));
    // Chromium's own XML parser agrees the document part is well-formed.
    const parserErrors = await page.evaluate(
      (xml) => new DOMParser().parseFromString(xml, "application/xml").getElementsByTagName("parsererror").length,
      docx.documentXml,
    );
    expect(parserErrors).toBe(0);
    const text = docx.paragraphs.join("\n");
    expect(docx.paragraphs[0]).toBe(`${unitName}创建全国文明城市测评情况通报（${monthLabel(month.month)}）`);
    for (const figure of shown) expect(text, figure).toContain(figure);
    expect(text).toContain(scope);
    // The generation time inside is the page's, and the file name carries it too.
    const generated = /生成时间：(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})/.exec(scope)!;
    expect(name).toContain(`生成${generated.slice(1, 4).join("")}-${generated.slice(4, 6).join("")}`);
    // Both charts went in as PNG images.
    expect(docx.files.filter((f) => f.startsWith("word/media/") && f.endsWith(".png")).length).toBe(2);
    expect(errors).toEqual([]);
  });

  it("prints the chosen month without the toolbar", async () => {
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".report-toolbar").isVisible()).toBe(false);
    expect(await page.locator("h1").innerText()).toContain(monthLabel(month.month));
    await page.screenshot({ path: SHOT("print"), fullPage: true });
    await page.emulateMedia({ media: "screen" });
  });
});
