/**
 * 等保 controls in real Chromium: the password rules show under the new-password field and a weak
 * one is refused in words; an expired password (PASSWORD_MAX_AGE_DAYS) takes the user to 修改密码
 * and nowhere else until changed; the header says the idle timeout; the admin's 登录记录 lists the
 * sign-ins with masked addresses, and the audit log offers its CSV download (screenshots in test-results/).
 */
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousAxeViolations } from "./axe";
import { apiSession, launchBrowser, newPage, requireChromium, resultPath, startTestServer, type TestServer } from "./harness";

const canRun = requireChromium();

describe.skipIf(!canRun)("等保 controls in Chromium", () => {
  let server: TestServer;

  beforeAll(async () => {
    mkdirSync(resultPath(""), { recursive: true });
    // A password ages out the moment it is set, so the expiry path needs no clock travel.
    server = await startTestServer({ SESSION_IDLE_MINUTES: "30" });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("rules, 登录记录 and the audit export for an admin; the idle note in the header", async () => {
    const desktop = await launchBrowser({ viewport: { width: 1280, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    try {
      const { page, errors } = await newPage(desktop.context);
      await page.goto(`${server.url}/login`);
      await page.locator('input[name="username"]').fill("nobody-here");
      await page.locator('input[name="password"]').fill("wrong-pass-1");
      await page.locator('button[type="submit"]').click();
      await page.getByText("用户名或密码错误").waitFor();
      await page.locator('input[name="username"]').fill("admin");
      await page.locator('input[name="password"]').fill(server.adminPassword);
      await page.locator('button[type="submit"]').click();
      await page.waitForURL(/\/dashboard/);
      await page.getByText("闲置 30 分钟后自动退出登录").waitFor();

      await page.goto(`${server.url}/account/password`);
      await page.getByText("密码至少 10 位，且至少包含小写字母、大写字母、数字、符号中的 3 类；不能与最近 5 次用过的密码相同").waitFor();
      await page.getByLabel("当前密码").fill(server.adminPassword);
      await page.getByLabel("新密码", { exact: true }).fill("simplepassword");
      await page.getByLabel("再次输入新密码").fill("simplepassword");
      await page.getByRole("button", { name: "修改密码" }).click();
      await page.getByText(/密码太简单/).waitFor();

      await page.goto(`${server.url}/admin/logins`);
      const table = page.locator("table.admin-table--logins");
      await table.waitFor();
      await table.locator('tr[data-outcome="success"]', { hasText: "admin" }).first().waitFor();
      const unknown = table.locator('tr[data-outcome="unknown_user"]');
      await unknown.getByText("nobody-here").waitFor();
      await unknown.getByText("127.0.0.*").waitFor();
      expect(await table.innerText()).not.toContain("127.0.0.1");
      await page.screenshot({ path: resultPath("admin-logins.png"), fullPage: true });
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.goto(`${server.url}/admin/audit`);
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "导出 CSV" }).click()]);
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      expect(errors).toEqual([]);
    } finally {
      await desktop.close();
    }
  }, 90_000);

  it("an expired password opens 修改密码 and keeps the user there until it is changed", async () => {
    const expiring = await startTestServer({ PASSWORD_MAX_AGE_DAYS: "1" });
    const desktop = await launchBrowser({ viewport: { width: 1280, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    try {
      const admin = apiSession(expiring.url);
      expect((await admin.post("/api/v1/auth/login", { username: "admin", password: expiring.adminPassword })).status).toBe(200);
      expect(
        (await admin.post("/api/v1/users", { username: "old-pass", password: "old-pass-001", role: "office", scope: "500104000000" }))
          .status,
      ).toBe(201);
      // Age the password in the database as a day would: one day and a minute back.
      const aged = new Date(Date.now() - 86_460_000).toISOString();
      await expiring.server.db.$client.execute({
        sql: "update users set password_changed_at = ? where username = 'old-pass'",
        args: [aged],
      });

      const { page, errors } = await newPage(desktop.context);
      await page.goto(`${expiring.url}/login`);
      await page.locator('input[name="username"]').fill("old-pass");
      await page.locator('input[name="password"]').fill("old-pass-001");
      await page.locator('button[type="submit"]').click();
      await page.waitForURL(/\/account\/password/);
      await page.getByText("您的密码已过期，请先修改密码再继续使用。").waitFor();
      await page.goto(`${expiring.url}/dashboard`);
      await page.waitForURL(/\/account\/password/);
      await page.screenshot({ path: resultPath("password-expired.png"), fullPage: true });
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.getByLabel("当前密码").fill("old-pass-001");
      await page.getByLabel("新密码", { exact: true }).fill("new-pass-002");
      await page.getByLabel("再次输入新密码").fill("new-pass-002");
      await page.getByRole("button", { name: "修改密码" }).click();
      await page.getByText("密码已修改").waitFor();
      await expect.poll(() => page.getByText("您的密码已过期").count()).toBe(0);
      await page.goto(`${expiring.url}/dashboard`);
      await page.waitForURL(/\/dashboard/);
      expect(errors).toEqual([]);
    } finally {
      await desktop.close();
      await expiring.close();
    }
  }, 90_000);
});
