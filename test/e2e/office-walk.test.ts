/**
 * Defects found walking the office and admin screens (issue 15, "Offices and admins"), each as the
 * user meets it in real Chromium against the real Node server.
 */
import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiSession,
  launchBrowser,
  type LaunchedBrowser,
  newPage,
  requireChromium,
  resultPath,
  startTestServer,
  type TestServer,
} from "./harness";

const canRun = requireChromium();
const SUB = "500104001000";
const PASSWORD = "walk-password-1";

async function signIn(page: Page, baseUrl: string, username: string, path = "/login") {
  await page.goto(`${baseUrl}${path}`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('button[type="submit"]').click();
}

describe.skipIf(!canRun)("office and admin screens", () => {
  let server: TestServer;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    mkdirSync(resultPath(""), { recursive: true });
    server = await startTestServer();
    const admin = apiSession(server.url);
    expect((await admin.post("/api/v1/auth/login", { username: "admin", password: server.adminPassword })).status).toBe(200);
    expect(
      (await admin.post("/api/v1/users", { username: "walk-interviewer", password: PASSWORD, role: "interviewer", scope: SUB })).status,
    ).toBe(201);
    expect((await admin.post("/api/v1/users", { username: "walk-office", password: PASSWORD, role: "office", scope: SUB })).status).toBe(
      201,
    );
    browser = await launchBrowser({ viewport: { width: 1440, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("sends an interviewer who signs in at /login to the tablet app, not to a dashboard they may not read", async () => {
    const { page } = await newPage(browser.context);
    await signIn(page, server.url, "walk-interviewer");
    await page.waitForURL(/\/interview/);
    await expect.poll(() => page.locator("body").textContent()).not.toContain("无权查看");
    // A bookmarked dashboard link takes them home too.
    await page.goto(`${server.url}/dashboard`);
    await page.waitForURL(/\/interview/);
    await page.close();
  });

  it("keeps an office user on the dashboard they asked for", async () => {
    const { page } = await newPage(browser.context);
    await signIn(page, server.url, "walk-office", "/login?next=%2Fdashboard%2Freport");
    await page.waitForURL(/\/dashboard\/report/);
    await page.close();
  });
});
