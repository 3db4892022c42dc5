/**
 * Issue 19 in real Chromium against the real Node server: an office user's export masks the phone
 * number a resident wrote, asking for the unmasked file without the permission says why not, the
 * admin ticks 个人信息权限 for that user on the users page, and the office's unmasked export with a
 * 用途 then holds the number as written and is in the audit log.
 */
import type { Download } from "playwright-core";
import { readSheet } from "read-excel-file/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startNodeServer, type NodeServer } from "../../server/node";
import { eligibleAnswers } from "../helpers/fixtures";
import { apiSession, launchBrowser, newPage, requireChromium, resultPath, type LaunchedBrowser } from "./harness";

const DISTRICT = "500104000000";
const COMMUNITY = "500104001001";
const ADMIN_PASSWORD = "e2e-admin-password";
const RAW = "楼道灯坏了，请联系13800138000";
const MASKED = "楼道灯坏了，请联系138****8000";

describe.skipIf(!requireChromium())("personal data in the browser (real Chromium)", () => {
  let server: NodeServer;
  let browser: LaunchedBrowser;
  const api = () => apiSession(server.url);
  let admin: ReturnType<typeof apiSession>;

  beforeAll(async () => {
    server = await startNodeServer({
      port: 0,
      databaseUrl: ":memory:",
      adminPassword: ADMIN_PASSWORD,
      quiet: true,
      env: { QR_RATE_LIMIT: "0", SEED_DEMO: "1" },
    });
    admin = api();
    expect((await admin.post("/api/v1/auth/login", { username: "admin", password: ADMIN_PASSWORD })).status).toBe(200);
    expect(
      (await admin.post("/api/v1/users", { username: "ddk-office", password: "office-pass-1", role: "office", scope: DISTRICT })).status,
    ).toBe(201);
    const version = (await admin.get<{ version: number }>("/api/v1/surveys/resident")).body.version;
    const now = new Date().toISOString();
    const res = await admin.post("/api/v1/responses", {
      id: crypto.randomUUID(),
      surveyId: "resident",
      surveyVersion: version,
      channel: "interview",
      answers: { ...eligibleAnswers("resident"), suggestions: RAW },
      startedAt: now,
      completedAt: now,
      deviceId: "e2e-tablet",
      unitCode: COMMUNITY,
    });
    expect(res.status).toBe(201);
    browser = await launchBrowser({
      viewport: { width: 1280, height: 900 },
      locale: "zh-CN",
      timezoneId: "Asia/Shanghai",
      acceptDownloads: true,
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function cellsOf(download: Download, name: string): Promise<string> {
    const file = resultPath(name);
    await download.saveAs(file);
    return JSON.stringify(await readSheet(file, "答卷"));
  }

  it("masks by default, refuses unmasked without the permission, and exports it once an admin grants it", async () => {
    const { page, errors } = await newPage(browser.context);
    const signIn = async (username: string, password: string) => {
      await page.goto(`${server.url}/login`);
      await page.locator('input[name="username"]').fill(username);
      await page.locator('input[name="password"]').fill(password);
      await page.locator('button[type="submit"]').click();
    };

    await signIn("ddk-office", "office-pass-1");
    await page.waitForURL(/\/dashboard/);
    await page.goto(`${server.url}/dashboard?unit=${DISTRICT}`);
    const start = page.getByTestId("export-start");
    await start.waitFor();
    await page.getByText("默认脱敏").waitFor();
    const [masked] = await Promise.all([page.waitForEvent("download"), start.click()]);
    const maskedCells = await cellsOf(masked, "personal-masked.xlsx");
    expect(maskedCells).toContain(MASKED);
    expect(maskedCells).not.toContain("13800138000");

    await page.getByTestId("export-unmasked").check();
    await page.getByTestId("export-reason").fill("核实报修居民的联系方式");
    await start.click();
    await expect.poll(() => page.getByTestId("export-status").textContent()).toContain("没有个人信息查看权限");
    await page.screenshot({ path: resultPath("personal-data-refused.png") });

    await signIn("admin", ADMIN_PASSWORD);
    await page.waitForURL(/\/dashboard|\/admin/);
    await page.goto(`${server.url}/admin/users`);
    const grant = page.getByLabel("允许 ddk-office 查看未脱敏的个人信息");
    await grant.waitFor();
    expect(await grant.isChecked()).toBe(false);
    expect(await page.getByLabel("允许 admin 查看未脱敏的个人信息").isChecked()).toBe(false);
    // The box shows the stored state: it turns on once the server has saved the grant.
    await grant.click();
    await expect.poll(() => grant.isChecked()).toBe(true);
    await page.screenshot({ path: resultPath("personal-data-granted.png") });
    const users = (await admin.get<{ users: { username: string; personalData: boolean }[] }>("/api/v1/users")).body.users;
    expect(users.find((u) => u.username === "ddk-office")?.personalData).toBe(true);

    await signIn("ddk-office", "office-pass-1");
    await page.waitForURL(/\/dashboard/);
    await page.goto(`${server.url}/dashboard?unit=${DISTRICT}`);
    await start.waitFor();
    await page.getByTestId("export-unmasked").check();
    await page.getByTestId("export-reason").fill("核实报修居民的联系方式");
    const [unmasked] = await Promise.all([page.waitForEvent("download"), start.click()]);
    expect(unmasked.suggestedFilename()).toContain("_未脱敏_");
    expect(await cellsOf(unmasked, "personal-unmasked.xlsx")).toContain(RAW);
    await page.screenshot({ path: resultPath("personal-data-exported.png") });

    const audit = (
      await admin.get<{ entries: { actor: string; after: { reason: string } }[] }>("/api/v1/admin/audit?action=exports.unmasked")
    ).body.entries;
    expect(audit.map((e) => [e.actor, e.after.reason])).toEqual([["ddk-office", "核实报修居民的联系方式"]]);
    expect(errors).toEqual([]);
  });
});
