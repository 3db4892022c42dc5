/**
 * Count quotas and interviewer QA (issue 16 parts 3 and 6) in real Chromium against the real Node
 * server: a supervisor's target shows on the tablet as 今日 N / 目标 M, keeps counting an interview
 * done offline (also after an offline reload, from the stored plan), and after sync the interview's
 * paradata is on the server; the office's field-progress page shows progress against plan with
 * drill-down, its CSV export, and the interviewer QA table, with no serious axe violations.
 */
import { mkdirSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousAxeViolations } from "./axe";
import {
  answerCurrentPage,
  apiSession,
  launchBrowser,
  newPage,
  nextOrComplete,
  requireChromium,
  resultPath,
  startTestServer,
  type ApiSession,
  type TestServer,
} from "./harness";
import { pickUnit } from "./unit-picker-driver";

const canRun = requireChromium();
const SUB = "500104001000";
const COMMUNITY = "500104001001";
const PASSWORD = "plan-pass-1";

const TABLET: BrowserContextOptions = {
  viewport: { width: 1024, height: 768 },
  deviceScaleFactor: 1,
  hasTouch: true,
  locale: "zh-CN",
  timezoneId: "Asia/Shanghai",
  permissions: ["geolocation"],
  geolocation: { latitude: 29.4846, longitude: 106.4864, accuracy: 18 },
};

/** Today in Asia/Shanghai, as the server keys quotas and visits. */
const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());

describe.skipIf(!canRun)("quotas on the tablet and progress against plan in the office (issue 16)", () => {
  let server: TestServer;
  let admin: ApiSession;

  beforeAll(async () => {
    mkdirSync(resultPath(""), { recursive: true });
    server = await startTestServer();
    admin = apiSession(server.url);
    expect((await admin.post("/api/v1/auth/login", { username: "admin", password: server.adminPassword })).status).toBe(200);
    expect((await admin.post("/api/v1/users", { username: "jiedao", password: PASSWORD, role: "office", scope: SUB })).status).toBe(201);
    expect((await admin.post("/api/v1/users", { username: "zhang", password: PASSWORD, role: "interviewer", scope: SUB })).status).toBe(
      201,
    );
    const quota = { unitCode: COMMUNITY, surveyId: "resident", interviewer: "zhang", from: today(), to: today(), target: 3 };
    expect((await admin.put("/api/v1/quotas", quota)).status).toBe(200);
    expect((await admin.put(`/api/v1/units/${COMMUNITY}/center`, { lat: 29.4846, lng: 106.4864 })).status).toBe(200);
  });
  afterAll(async () => {
    await server?.close();
  });

  async function catalogHas(page: Page, prefix: string): Promise<boolean> {
    return page.evaluate(
      (p) =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open("cw-interview");
          open.onsuccess = () => {
            const req = open.result.transaction("catalog").objectStore("catalog").getAllKeys();
            req.onsuccess = () => {
              open.result.close();
              resolve((req.result as string[]).some((k) => k.startsWith(p)));
            };
          };
          open.onerror = () => resolve(false);
        }),
      prefix,
    );
  }

  it("shows 今日 N / 目标 M offline and after sync; the interview's paradata reaches the server", async () => {
    const browser = await launchBrowser(TABLET);
    try {
      const { context } = browser;
      const { page, errors } = await newPage(context);
      await page.goto(`${server.url}/interview`);
      await page.locator('input[name="username"]').fill("zhang");
      await page.locator('input[name="password"]').fill(PASSWORD);
      await page.getByRole("button", { name: "登录" }).click();
      await page.getByTestId("pending-count").waitFor();
      await page.getByRole("button", { name: "同意记录位置" }).click();
      await page.getByRole("button", { name: "民主社区" }).click();
      await page.getByRole("button", { name: /居民/ }).click();
      await expect.poll(() => page.getByTestId("area-name").textContent()).toBe("民主社区");
      await expect.poll(() => page.getByTestId("quota-progress").textContent(), { timeout: 30_000 }).toBe("今日 0 / 目标 3");
      expect(await page.getByTestId("quota-assignments").textContent()).toBe("民主社区 · 居民问卷：0 / 3");
      // Ready for offline: the service worker controls the page, the questionnaire and the plan are stored.
      await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 60_000 });
      await expect.poll(() => catalogHas(page, "survey:resident@"), { timeout: 30_000 }).toBe(true);
      expect(await catalogHas(page, "quotas:zhang")).toBe(true);

      await context.setOffline(true);
      await page.locator('input[name="household"]').fill("3栋301");
      await page.getByRole("button", { name: "完成（开始问卷）" }).click();
      await page.locator(".sd-page").waitFor({ timeout: 30_000 });
      for (let step = 0; step < 20; step++) {
        await answerCurrentPage(page);
        if ((await nextOrComplete(page)) === "complete") break;
      }
      await page.getByText("已保存：3栋301 · 完成").waitFor();
      await expect.poll(() => page.getByTestId("quota-progress").textContent()).toBe("今日 1 / 目标 3");
      // Still offline after a reload: the plan comes from IndexedDB.
      await page.reload();
      await page.getByTestId("pending-count").waitFor();
      await expect.poll(() => page.getByTestId("quota-progress").textContent(), { timeout: 30_000 }).toBe("今日 1 / 目标 3");
      expect(await page.getByTestId("quota-assignments").textContent()).toBe("民主社区 · 居民问卷：1 / 3");
      expect(await page.getByTestId("pending-count").textContent()).toBe("待同步 1");
      expect(await seriousAxeViolations(page, ".iv-quota")).toEqual([]);
      await page.screenshot({ path: resultPath("tablet-quota-offline.png"), fullPage: true });

      await context.setOffline(false);
      await expect.poll(() => page.getByTestId("pending-count").textContent(), { timeout: 30_000 }).toBe("待同步 0");
      await expect.poll(() => page.getByTestId("quota-progress").textContent()).toBe("今日 1 / 目标 3");
      await page.screenshot({ path: resultPath("tablet-quota-synced.png"), fullPage: true });

      const stored = await server.server.db.all<{ pages: string; total_ms: number }>(
        sql`select p.pages, p.total_ms from response_paradata p join responses r on r.id = p.response_id where r.interviewer = 'zhang'`,
      );
      expect(stored).toHaveLength(1);
      const pages = JSON.parse(stored[0]!.pages) as { page: string; ms: number }[];
      // The resident questionnaire's first page is 'profile'; every page shown has a time.
      expect(pages[0]!.page).toBe("profile");
      expect(pages.length).toBeGreaterThan(1);
      expect(Number(stored[0]!.total_ms)).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("shows the office progress against plan with drill-down and export, and the interviewer QA table", async () => {
    const browser = await launchBrowser({ ...TABLET, viewport: { width: 1280, height: 900 } });
    try {
      const { page, errors } = await newPage(browser.context);
      await page.goto(`${server.url}/login?next=/dashboard/field`);
      await page.locator('input[name="username"]').fill("jiedao");
      await page.locator('input[name="password"]').fill(PASSWORD);
      await page.getByRole("button", { name: "登录" }).click();
      await page.waitForURL(/\/dashboard\/field$/);
      const unitRow = page.getByTestId("plan-units").locator("tbody tr", { hasText: "民主社区" });
      await unitRow.waitFor({ timeout: 30_000 });
      expect(await unitRow.locator("td").allTextContents()).toEqual(["民主社区", "3", "1", "33.3%"]);
      const qaRow = page.getByTestId("qa-table").locator("tbody tr", { hasText: "zhang" });
      await qaRow.waitFor();
      expect((await qaRow.locator("td").allTextContents()).slice(0, 2)).toEqual(["zhang", "1"]);
      expect(await seriousAxeViolations(page, ".fp-plan")).toEqual([]);
      await page.screenshot({ path: resultPath("field-plan-office.png"), fullPage: true });

      // The export link downloads the detail the table sums.
      const href = await page.getByRole("link", { name: "导出 CSV" }).getAttribute("href");
      const csv = await page.evaluate((h) => fetch(h!).then((r) => r.text()), href);
      expect(csv).toContain(`${today()},${COMMUNITY},民主社区,resident,zhang,3,1`);

      // Drill down to the community: its interviewers.
      await unitRow.getByRole("button", { name: "民主社区" }).click();
      await expect.poll(() => page.locator("#fp-plan-title").textContent()).toContain("民主社区");
      expect(await page.getByTestId("plan-units").count()).toBe(0);
      expect(await page.getByTestId("plan-interviewers").locator("tbody tr").first().locator("td").allTextContents()).toEqual([
        "zhang",
        "3",
        "1",
        "33.3%",
      ]);
      await page.getByRole("button", { name: "返回上一级" }).click();
      await page.getByTestId("plan-units").waitFor();
      // A day filter without work or plan empties the tables.
      await page.getByTestId("plan-filters").locator('input[name="from"]').fill("2020-01-01");
      await page.getByTestId("plan-filters").locator('input[name="to"]').fill("2020-01-02");
      await page.getByRole("button", { name: "查询", exact: true }).click();
      await expect.poll(() => unitRow.locator("td").allTextContents()).toEqual(["民主社区", "0", "0", "—"]);
      expect(await seriousAxeViolations(page, ".fp-plan")).toEqual([]);

      // 设置调查任务: two days of 4 for zhang, stored as two quota rows (one audit entry).
      const form = page.locator(".fp-quota-form");
      await pickUnit(page, form.locator('input[role="combobox"]'), "民主", COMMUNITY);
      await form.locator('input[name="interviewer"]').fill("zhang");
      await form.locator('input[name="from"]').fill("2026-12-24");
      await form.locator('input[name="to"]').fill("2026-12-25");
      await form.locator('input[name="target"]').fill("4");
      await form.getByRole("button", { name: "保存任务" }).click();
      await form.getByText("已保存 2 天的任务。").waitFor();
      const rows = await server.server.db.all<{ day: string; target: number }>(
        sql`select day, target from interviewer_quotas where interviewer = 'zhang' and day >= '2026-12-24' order by day`,
      );
      expect(rows.map((r) => [r.day, Number(r.target)])).toEqual([
        ["2026-12-24", 4],
        ["2026-12-25", 4],
      ]);
      // A refusal says why, in Chinese: li does not exist.
      await form.locator('input[name="interviewer"]').fill("li");
      await form.getByRole("button", { name: "保存任务" }).click();
      await form.getByText(/保存失败：调查员 li 不存在或已停用/).waitFor();
      expect(await seriousAxeViolations(page, ".fp-quota-form")).toEqual([]);
      await page.screenshot({ path: resultPath("field-plan-quota-form.png"), fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
