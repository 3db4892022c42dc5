/**
 * Defects found walking the office and admin screens (issue 15, "Offices and admins"), each as the
 * user meets it in real Chromium against the real Node server.
 */
import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pickUnit } from "./unit-picker-driver";
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

  async function signInAdmin(page: Page) {
    await page.goto(`${server.url}/login`);
    await page.locator('input[name="username"]').fill("admin");
    await page.locator('input[name="password"]').fill(server.adminPassword);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/dashboard/);
  }

  async function sessionCookie(page: Page) {
    const cookies = await page.context().cookies(server.url);
    return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  }

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

  it("an admin creating a user with a bad name reads why, not a generic refusal", async () => {
    const { page } = await newPage(browser.context);
    await signInAdmin(page);
    await page.goto(`${server.url}/admin/users`);
    const form = page.locator("form.admin-row");
    await form.locator('input[name="username"]').fill("张 三");
    await form.locator('input[name="password"]').fill("long-enough-1");
    await pickUnit(page, form.getByRole("combobox", { name: "负责范围" }), SUB, SUB);
    await form.locator('button[type="submit"]').click();
    const error = page.locator(".admin-error");
    await expect.poll(() => error.textContent()).toContain("用户名只能包含字母、数字");
    expect(await error.textContent()).not.toContain("请求内容不符合接口要求");
    await page.close();
  });

  it("asks before 停用 signs a user out, and cancelling keeps them active", async () => {
    const { page } = await newPage(browser.context);
    await signInAdmin(page);
    await page.goto(`${server.url}/admin/users`);
    const row = page.locator("tr", { hasText: "walk-office" });
    await row.getByRole("button", { name: "停用", exact: true }).click();
    const confirm = row.getByRole("alertdialog");
    await expect.poll(() => confirm.textContent()).toContain("确定停用吗");
    await confirm.getByRole("button", { name: "取消" }).click();
    await expect.poll(() => row.locator("td").nth(3).textContent()).not.toBe("已停用");
    const stored = async () =>
      (await server.server.db.$client.execute("select disabled from users where username = 'walk-office'")).rows[0]!.disabled;
    expect(Number(await stored())).toBe(0);

    await row.getByRole("button", { name: "停用", exact: true }).click();
    await row.getByRole("button", { name: "确定停用" }).click();
    await expect.poll(() => row.locator("td").nth(3).textContent()).toBe("已停用");
    expect(Number(await stored())).toBe(1);
    await row.getByRole("button", { name: "启用" }).click();
    await expect.poll(stored).toBe(0);
    await page.close();
  });

  it("shows the audit log in Chinese: what changed, old and new, not raw JSON", async () => {
    const { page } = await newPage(browser.context);
    await signInAdmin(page);
    // An import whose stored target line is English ("1 added, 0 changed").
    const csv = ["code,name,kind,parent_code,households,population,target_n", "500104010000,日志街道,subdistrict,500104000000,,,"].join(
      "\n",
    );
    const imported = await fetch(`${server.url}/api/v1/units/import`, {
      method: "POST",
      headers: { "content-type": "text/csv", cookie: await sessionCookie(page), origin: server.url },
      body: csv,
    });
    expect(imported.status).toBe(200);
    await page.goto(`${server.url}/admin/audit`);
    const table = page.locator(".admin-table--audit");
    await expect.poll(() => table.textContent()).toContain("新增 1 个单位，修改 0 个单位");
    const text = (await table.textContent()) ?? "";
    expect(text).not.toMatch(/\d+ added/);
    // The 停用 test above: users.update of walk-office, the field and both values in words.
    const disabled = page.locator("tr", { hasText: "修改用户" }).filter({ hasText: "walk-office" }).first();
    expect(await disabled.locator(".audit-changes").textContent()).toMatch(/已停用：(否 → 是|是 → 否)/);
    expect(await disabled.locator(".audit-changes").textContent()).not.toContain("{");
    await page.screenshot({ path: resultPath("office-walk-audit.png"), fullPage: true });
    await page.close();
  });

  it("imports a file written with Chinese kinds, and a line with an error is not counted under 将新增", async () => {
    const { page } = await newPage(browser.context);
    await signInAdmin(page);
    await page.goto(`${server.url}/admin/units`);
    const csv = [
      "代码,名称,类型,上级代码,户数,人口,样本量",
      "500104009000,走访街道,街道,500104000000,,,",
      "500104009001,走访社区,社区,500104009000,1000,2500,50",
      "500104009002,孤儿社区,社区,500104999000,,,",
    ].join("\n");
    await page.locator('input[type="file"]').setInputFiles({ name: "units.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "预览" }).click();
    await expect.poll(() => page.locator("body").textContent()).toContain("将新增 2 个单位");
    const body = (await page.locator("body").textContent()) ?? "";
    expect(body).toContain("社区/村");
    expect(body).toContain("500104999000");
    await page.screenshot({ path: resultPath("office-walk-import.png"), fullPage: true });
    await page.close();
  });

  it("lets an office user make posters for its scope, which the server allows, and shows the audience in Chinese", async () => {
    const { page } = await newPage(browser.context);
    await signIn(page, server.url, "walk-office");
    await page.waitForURL(/\/dashboard/);
    await page.getByRole("link", { name: "管理" }).click();
    await page.waitForURL(/\/admin/);
    const body = page.locator("body");
    await expect.poll(() => body.textContent()).toContain("二维码海报");
    expect(await body.textContent()).not.toContain("仅管理员可以访问此页面");
    // Only the posters tab: users, import and the rest stay admin's.
    expect(await page.locator(".admin-tabs a").allTextContents()).toEqual(["二维码海报"]);
    const office = apiSession(server.url);
    await office.post("/api/v1/auth/login", { username: "walk-office", password: PASSWORD });
    const made = await office.post<{ id: string }>("/api/v1/posters", { unitCode: "500104001001", surveyId: "resident" });
    expect(made.status).toBe(201);
    await page.reload();
    const row = page.locator("tr", { hasText: made.body.id });
    await expect.poll(() => row.textContent()).toContain("居民");
    expect(await row.locator("td").nth(2).textContent()).toBe("居民");
    // A section that is not theirs says what they can do instead.
    await page.goto(`${server.url}/admin/users`);
    await expect.poll(() => body.textContent()).toContain("此栏目仅管理员可用");
    await page.close();
  });

  it("does not open the tablet app for an office user, whose visits the server would refuse", async () => {
    const tablet = await launchBrowser({ viewport: { width: 1024, height: 768 } });
    try {
      const { page } = await newPage(tablet.context);
      await signIn(page, server.url, "walk-office", "/interview");
      const notice = page.locator(".notice");
      await expect.poll(() => notice.textContent()).toContain("入户访问仅供调查员使用");
      // Still the sign-in form, no workspace to record visits in.
      expect(await page.locator('input[name="username"]').count()).toBe(1);
      expect(await page.getByText("新建入户记录").count()).toBe(0);
      // On reload with the session cookie set, the same.
      await page.reload();
      await expect.poll(() => notice.textContent()).toContain("入户访问仅供调查员使用");
    } finally {
      await tablet.close();
    }
  });

  it("refuses a reversed date range in the form and keeps the dashboard; the report's subtitle says what each filter is", async () => {
    const { page } = await newPage(browser.context);
    await signInAdmin(page);
    await page.goto(`${server.url}/dashboard?unit=${SUB}`);
    const card = page.locator('[data-metric="awareness"]');
    await card.waitFor();
    const dates = page.locator('.dash-filters input[type="date"]');
    await dates.nth(1).fill("2026-11-10");
    await page.waitForURL(/to=2026-11-10/);
    await dates.nth(0).fill("2026-11-20");
    await expect.poll(() => page.locator(".dash-filters [role=alert]").textContent()).toContain("开始日期不能晚于结束日期");
    expect(page.url()).not.toContain("from=2026-11-20");
    expect(await card.isVisible()).toBe(true);
    expect(await page.getByText("数据加载失败").count()).toBe(0);
    // A hand-edited link with the range reversed still shows the page.
    await page.goto(`${server.url}/dashboard?unit=${SUB}&from=2026-11-20&to=2026-11-10`);
    await card.waitFor();
    expect(await page.locator(".dash-filters").count()).toBe(1);
    await page.goto(`${server.url}/dashboard/report?unit=${SUB}&audience=resident`);
    await expect.poll(() => page.locator(".dash-muted").first().textContent()).toContain("调查对象：居民 · 渠道：全部");
    await page.close();
  });

  it("tells a user locked out by failed sign-ins how long to wait", async () => {
    const { page } = await newPage(browser.context);
    await page.goto(`${server.url}/login`);
    const message = page.locator(".login-form .form-error");
    for (let i = 0; i < 8; i++) {
      await page.locator('input[name="username"]').fill("walk-office");
      await page.locator('input[name="password"]').fill(`wrong-${i}`);
      await page.locator('button[type="submit"]').click();
      await expect.poll(async () => (await message.allTextContents()).join(" ")).toMatch(/错误|再试/);
      if (/再试/.test((await message.allTextContents()).join(" "))) break;
    }
    expect((await message.allTextContents()).join(" ")).toMatch(/请 \d+ (秒|分钟)后再试/);
    await page.close();
  });
});
