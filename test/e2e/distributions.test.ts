/**
 * Issue 14 in real Chromium: the dashboard's 题目分布 section draws a chart per question with its
 * table of the API's counts, and the cross-tab table shows the API's n, rate and interval per
 * group, 样本不足 on small groups; the section passes axe-core's serious rules.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shippedSurveys } from "../../surveys/index";
import { pct } from "../../web/features/distributions/lib/format";
import type { CrosstabBody, DistributionsBody } from "../../web/features/distributions/types";
import { generateAnswers, seededRng } from "../helpers/answer-generator";
import { seriousAxeViolations } from "./axe";
import {
  apiSession,
  launchBrowser,
  newPage,
  requireChromium,
  startTestServer,
  type ApiSession,
  type LaunchedBrowser,
  type TestServer,
} from "./harness";

const SUBDISTRICT = "500104001000";
const COMMUNITY = "500104001001";
const SHOT = (name: string) => `/tmp/wt-distributions-${name}.png`;

describe.skipIf(!requireChromium())("题目分布 and cross-tab (real Chromium)", () => {
  let server: TestServer;
  let api: ApiSession;
  let browser: LaunchedBrowser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    server = await startTestServer();
    api = apiSession(server.url);
    expect((await api.post("/api/v1/auth/login", { username: "admin", password: server.adminPassword })).status).toBe(200);
    const version = (await api.get<{ version: number }>("/api/v1/surveys/resident")).body.version;
    const json = shippedSurveys.find((s) => s.id === "resident")!.json;
    for (let i = 0; i < 50; i++) {
      const res = await api.post("/api/v1/responses", {
        id: crypto.randomUUID(),
        surveyId: "resident",
        surveyVersion: version,
        channel: "interview",
        answers: generateAnswers(json, seededRng(500 + i), { positiveBias: 0.7, optionalRate: 1 }),
        startedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
        completedAt: new Date().toISOString(),
        deviceId: `e2e-dist-${i}`,
        unitCode: COMMUNITY,
      });
      expect(res.status).toBe(201);
    }
    browser = await launchBrowser({ viewport: { width: 1440, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    ({ page, errors } = await newPage(browser.context));
    await page.goto(`${server.url}/login`);
    await page.locator('input[name="username"]').fill("admin");
    await page.locator('input[name="password"]').fill(server.adminPassword);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/dashboard/);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("draws each question's bars with the API's counts in its table", async () => {
    const body = (await api.get<DistributionsBody>(`/api/v1/rates/distributions?unit=${SUBDISTRICT}&audience=resident`)).body;
    const identity = body.surveys[0]!.questions.find((q) => q.name === "identity")!;
    expect(identity.respondents).toBeGreaterThan(0);
    await page.goto(`${server.url}/dashboard?unit=${SUBDISTRICT}&audience=resident`);
    const card = page.locator('[data-testid="dist-identity"]');
    await card.scrollIntoViewIfNeeded();
    // The chart is drawn (an SVG with one bar per choice), labelled for screen readers.
    const chart = card.locator('[role="img"]');
    await expect.poll(() => chart.locator("svg path").count(), { timeout: 10_000 }).toBeGreaterThan(identity.choices.length);
    expect(await chart.getAttribute("aria-label")).toContain(identity.title);
    // The table is folded under the chart; an office user opens it.
    await card.locator("summary", { hasText: "查看数据表" }).click();
    const rows = card.locator("table tbody tr");
    expect(await rows.count()).toBe(identity.choices.length);
    for (const [i, c] of identity.choices.entries()) {
      expect(await rows.nth(i).locator("th").innerText()).toBe(c.label);
      expect(await rows.nth(i).locator("td").nth(0).innerText()).toBe(String(c.count));
      expect(await rows.nth(i).locator("td").nth(1).innerText()).toBe(pct(c.share));
    }
    // The 1–5 overall score that carries no metric is shown, with its mean.
    const overall = body.surveys[0]!.questions.find((q) => q.name === "overall_rating")!;
    const numeric = page.locator('[data-testid="numeric-overall_rating"] tbody td');
    expect(await numeric.nth(0).innerText()).toBe(String(overall.numeric!.count));
    await page.screenshot({ path: SHOT("section"), fullPage: true });
    expect(errors).toEqual([]);
  });

  it("shows the cross-tab with the API's n, rate and interval per group, 样本不足 where n < 30", async () => {
    await page.goto(`${server.url}/dashboard?unit=${SUBDISTRICT}&audience=resident`);
    const panel = page.locator('[data-testid="crosstab"]');
    await panel.scrollIntoViewIfNeeded();
    await panel.getByLabel("指标题").selectOption("sat_environment");
    await panel.getByLabel("按背景题分组").selectOption("age_band");
    const body = (
      await api.get<CrosstabBody>(
        `/api/v1/rates/crosstab?unit=${SUBDISTRICT}&audience=resident&question=sat_environment&by=age_band&includeFlagged=0`,
      )
    ).body;
    const table = panel.locator('[data-testid="crosstab-table"]');
    await expect.poll(() => table.locator("caption").innerText(), { timeout: 10_000 }).toContain(body.question.title);
    const rows = table.locator("tbody tr");
    expect(await rows.count()).toBe(body.columns.length + 1);
    expect(body.columns.some((c) => c.n > 0 && c.low)).toBe(true);
    for (const [i, c] of body.columns.entries()) {
      const cells = rows.nth(i).locator("td");
      expect(await rows.nth(i).locator("th").innerText()).toBe(c.label);
      expect(await cells.nth(0).innerText()).toBe(String(c.n));
      expect(await cells.nth(2).innerText()).toBe(c.low && c.n > 0 ? `${pct(c.rate)} 样本不足（${c.n} 人）` : pct(c.rate));
      expect(await cells.nth(3).innerText()).toBe(c.ci95 ? `${pct(c.ci95[0])} – ${pct(c.ci95[1])}` : "—");
    }
    expect(await rows.last().locator("td").nth(0).innerText()).toBe(String(body.total.n));
    await panel.screenshot({ path: SHOT("crosstab") });
    // The section only: the rest of the dashboard is its own feature's test.
    expect(await seriousAxeViolations(page, '[data-testid="distributions"]')).toEqual([]);
    expect(errors).toEqual([]);
  });
});
