/**
 * An office user of 大渡口区 keeps the dashboard open on 民主社区 while interviews arrive through
 * the API: the 知晓率 card goes from 样本不足 to 达标 without a reload. Then the subdistrict's
 * ranking is exported as XLSX, read back, and compared cell by cell with the table on screen.
 */
import { readSheet } from "read-excel-file/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startNodeServer, type NodeServer } from "../../server/node";
import { shippedSurveys } from "../../surveys/index";
import { generateAnswers, seededRng } from "../helpers/answer-generator";
import { apiSession, launchBrowser, newPage, requireChromium, resultPath, type LaunchedBrowser } from "./harness";

const DISTRICT = "500104000000";
const SUBDISTRICT = "500104001000";
const COMMUNITY = "500104001001";
const ADMIN_PASSWORD = "e2e-admin-password";

/** A valid resident interview whose every metric answer is positive. */
function positiveAnswers(seed: number): Record<string, unknown> {
  const json = shippedSurveys.find((s) => s.id === "resident")!.json;
  for (let s = seed; ; s += 1000) {
    const a = generateAnswers(json, seededRng(s), { positiveBias: 1, optionalRate: 1 });
    if (a.knows_campaign === "yes") return a;
  }
}

describe.skipIf(!requireChromium())("dashboard (real Chromium)", () => {
  let server: NodeServer;
  let browser: LaunchedBrowser;
  const admin = () => apiSession(server.url);
  let api: ReturnType<typeof apiSession>;
  let version: number;

  beforeAll(async () => {
    server = await startNodeServer({
      port: 0,
      databaseUrl: ":memory:",
      adminPassword: ADMIN_PASSWORD,
      quiet: true,
      env: { QR_RATE_LIMIT: "0", SEED_DEMO: "1" },
    });
    api = admin();
    expect((await api.post("/api/v1/auth/login", { username: "admin", password: ADMIN_PASSWORD })).status).toBe(200);
    expect(
      (await api.post("/api/v1/users", { username: "ddk-office", password: "office-password-1", role: "office", scope: DISTRICT })).status,
    ).toBe(201);
    version = (await api.get<{ version: number }>("/api/v1/surveys/resident")).body.version;
    browser = await launchBrowser({
      viewport: { width: 1280, height: 900 },
      locale: "zh-CN",
      timezoneId: "Asia/Shanghai",
      acceptDownloads: true,
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function interview(n: number, seed: number) {
    for (let i = 0; i < n; i++) {
      const now = new Date().toISOString();
      const res = await api.post("/api/v1/responses", {
        id: crypto.randomUUID(),
        surveyId: "resident",
        surveyVersion: version,
        channel: "interview",
        answers: positiveAnswers(seed + i),
        startedAt: now,
        completedAt: now,
        deviceId: "e2e-tablet",
        unitCode: COMMUNITY,
      });
      expect(res.status).toBe(201);
    }
  }

  it("shows a community going from 样本不足 to 达标 live, and exports the table it shows", async () => {
    const { page, errors } = await newPage(browser.context);
    await page.goto(`${server.url}/login`);
    await page.locator('input[name="username"]').fill("ddk-office");
    await page.locator('input[name="password"]').fill("office-password-1");
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/dashboard/);

    await page.goto(`${server.url}/dashboard?unit=${COMMUNITY}`);
    const card = page.locator('[data-metric="awareness"]');
    await expect.poll(() => card.getAttribute("data-status")).toBe("insufficient");
    await expect.poll(() => card.locator(".dash-badge").textContent()).toBe("样本不足");

    await interview(10, 1);
    await expect.poll(() => card.locator('[data-field="respondents"]').textContent(), { timeout: 5000 }).toBe("10");
    expect(await card.getAttribute("data-status")).toBe("insufficient");

    await interview(10, 100);
    const sent = Date.now();
    await expect.poll(() => card.getAttribute("data-status"), { timeout: 5000, interval: 200 }).toBe("pass");
    expect(Date.now() - sent).toBeLessThan(5000);
    expect(await card.locator(".dash-badge").textContent()).toBe("达标");
    expect(await page.locator('[data-metric="awareness"] .dash-card__rate .dash-rate__value').textContent()).toBe("100.0%");
    // 20 respondents are a small effective sample (§7): the figure says so in words, not only in grey.
    const { nEff, reliability } = (
      await api.get<{ metrics: { awareness: { nEff: number; reliability: string } } }>(`/api/v1/rates?unit=${COMMUNITY}`)
    ).body.metrics.awareness;
    expect(reliability).toBe("low");
    expect(await card.locator(".dash-rate__note").textContent()).toBe(`样本不足（有效样本 ${Math.round(nEff)}）`);

    // Drill up to the subdistrict: the community leads the ranking; the export matches the table.
    await page.goto(`${server.url}/dashboard?unit=${SUBDISTRICT}`);
    const table = page.locator('[data-testid="ranking-table"]').first();
    await expect.poll(() => table.locator("tbody tr").count()).toBe(4);
    await page.waitForTimeout(1000); // let the lazy chart draw for the screenshot
    await page.screenshot({ path: resultPath("dashboard-subdistrict.png"), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator("button", { hasText: "导出 Excel" }).first().click(),
    ]);
    const file = resultPath("ranking.xlsx");
    await download.saveAs(file);
    // The file says what it is, in its name and on its own sheet (issue 14, part 6).
    expect(download.suggestedFilename()).toMatch(/^[^_]+_[^_]+知晓率[^_]*_全部对象_全部渠道_全部日期_达标90%_\d{8}-\d{6}\.xlsx$/);
    const info = Object.fromEntries((await readSheet(file, "导出信息")).map((r) => [r[0], r[1]]));
    expect(info.单位).toContain(`（${SUBDISTRICT}）`);
    expect(info.达标线).toBe("90%");
    expect(info.渠道).toBe("全部");
    expect(info["生成时间（北京时间）"]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const sheet = await readSheet(file);
    const shown = await table.locator("tbody tr").evaluateAll((rows) =>
      rows.map((r) => {
        const cell = (f: string) => r.querySelector(`[data-field="${f}"]`);
        const text = (f: string) => (cell(f)?.textContent ?? "").trim();
        return {
          rank: text("rank"),
          unit: (cell("unit")?.firstChild?.textContent ?? "").trim(),
          respondents: text("respondents"),
          nEff: text("nEff"),
          rate: (cell("rate")?.querySelector(".dash-rate__value")?.textContent ?? text("rate")).trim(),
          note: (cell("rate")?.querySelector(".dash-rate__note")?.textContent ?? "").trim(),
          band: text("band"),
        };
      }),
    );
    expect(sheet).toHaveLength(shown.length + 1);
    const col = (name: string) => (sheet[0] as unknown[]).indexOf(name);
    expect(sheet[0]![1]).toBe("单位");
    shown.forEach((row, i) => {
      const x = sheet[i + 1]!;
      const rank = x[col("名次")] as number | null;
      if (rank === null) expect(row.rank).toBe("—");
      else expect(row.rank.startsWith(`第${rank}名`)).toBe(true);
      expect(x[col("单位")]).toBe(row.unit);
      expect(x[col("样本量")]).toBe(Number(row.respondents));
      const rate = x[col("知晓率(%)")] as number | null;
      expect(rate === null ? "暂无数据" : `${rate.toFixed(1)}%`).toBe(row.rate);
      const nEffCell = x[col("有效样本")] as number | null;
      expect(nEffCell === null ? "—" : String(Math.round(nEffCell))).toBe(row.nEff);
      expect(x[col("可信度")]).toBe(row.note || (rate === null ? "暂无数据" : "可靠"));
      expect(x[col("对照达标线")] ?? "—").toBe(row.band);
    });
    expect(sheet[1]![1]).toBe("民主社区");

    // Outside the user's district: the API says 403 and the page shows no numbers.
    await page.goto(`${server.url}/dashboard?unit=500110000000`);
    await expect.poll(() => page.locator(".dash-error").textContent()).toBe("无权查看该单位的数据");
    expect(errors).toEqual([]);
  });
});
