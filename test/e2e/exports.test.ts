/**
 * Issue 14: an office user of 大渡口区 opens the dashboard, chooses the export, clicks 导出答卷 and
 * gets the file: the XLSX holds every interview sent, once, and the CSV + SPSS choice saves both
 * files, the syntax naming the CSV beside it.
 */
import { readFileSync } from "node:fs";
import type { Download } from "playwright-core";
import { readSheet } from "read-excel-file/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startNodeServer, type NodeServer } from "../../server/node";
import { shippedSurveys } from "../../surveys/index";
import { generateAnswers, seededRng } from "../helpers/answer-generator";
import { apiSession, launchBrowser, newPage, requireChromium, resultPath, type LaunchedBrowser } from "./harness";

const DISTRICT = "500104000000";
const COMMUNITY = "500104001001";
const ADMIN_PASSWORD = "e2e-admin-password";

describe.skipIf(!requireChromium())("answer export (real Chromium)", () => {
  let server: NodeServer;
  let browser: LaunchedBrowser;
  const ids: string[] = [];

  beforeAll(async () => {
    server = await startNodeServer({
      port: 0,
      databaseUrl: ":memory:",
      adminPassword: ADMIN_PASSWORD,
      quiet: true,
      env: { QR_RATE_LIMIT: "0", SEED_DEMO: "1" },
    });
    const api = apiSession(server.url);
    expect((await api.post("/api/v1/auth/login", { username: "admin", password: ADMIN_PASSWORD })).status).toBe(200);
    expect(
      (await api.post("/api/v1/users", { username: "ddk-office", password: "office-password-1", role: "office", scope: DISTRICT })).status,
    ).toBe(201);
    const version = (await api.get<{ version: number }>("/api/v1/surveys/resident")).body.version;
    const json = shippedSurveys.find((s) => s.id === "resident")!.json;
    for (let i = 0; i < 5; i++) {
      const now = new Date().toISOString();
      const id = crypto.randomUUID();
      const res = await api.post("/api/v1/responses", {
        id,
        surveyId: "resident",
        surveyVersion: version,
        channel: "interview",
        answers: generateAnswers(json, seededRng(i + 7)),
        startedAt: now,
        completedAt: now,
        deviceId: "e2e-tablet",
        unitCode: COMMUNITY,
      });
      expect(res.status).toBe(201);
      ids.push(id);
    }
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

  it("clicks 导出答卷 and gets the XLSX, then CSV + SPSS", async () => {
    const { page, errors } = await newPage(browser.context);
    await page.goto(`${server.url}/login`);
    await page.locator('input[name="username"]').fill("ddk-office");
    await page.locator('input[name="password"]').fill("office-password-1");
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/dashboard/);
    await page.goto(`${server.url}/dashboard?unit=${DISTRICT}`);
    const start = page.getByTestId("export-start");
    await start.waitFor();

    const [download] = await Promise.all([page.waitForEvent("download"), start.click()]);
    expect(download.suggestedFilename()).toMatch(/^答卷_大渡口区500104000000_resident_.*\.xlsx$/);
    const file = resultPath("answers.xlsx");
    await download.saveAs(file);
    const sheet = await readSheet(file, "答卷");
    expect(
      sheet
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual([...ids].sort());
    await expect.poll(() => page.getByTestId("export-status").textContent()).toContain("已保存");

    await page.getByLabel("CSV + SPSS 语法").check();
    const downloads: Download[] = [];
    page.on("download", (d) => downloads.push(d));
    await start.click();
    await expect.poll(() => downloads.length, { timeout: 10_000 }).toBe(2);
    const [csv, sps] = downloads;
    expect(csv!.suggestedFilename()).toMatch(/\.csv$/);
    expect(sps!.suggestedFilename()).toBe(csv!.suggestedFilename().replace(/\.csv$/, ".sps"));
    const spsFile = resultPath("answers.sps");
    await sps!.saveAs(spsFile);
    expect(readFileSync(spsFile, "utf8")).toContain(`/FILE='${csv!.suggestedFilename()}'`);
    expect(errors).toEqual([]);
  });
});
