/**
 * The offline interview app in real Chromium on a tablet (1024x768 and 768x1024) against the real
 * Node server: interviews recorded with no network survive a reload and sync exactly once; a
 * replayed queue and a flaky network add nothing twice; a shared tablet keeps each user's queue
 * to its author.
 */
import { mkdirSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { BrowserContextOptions, Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

const canRun = requireChromium();
const SUB = "500104001000";
const PASSWORD = "interview-pass-1";

const TABLET: BrowserContextOptions = {
  viewport: { width: 1024, height: 768 },
  deviceScaleFactor: 1,
  hasTouch: true,
  locale: "zh-CN",
  timezoneId: "Asia/Shanghai",
  permissions: ["geolocation"],
  geolocation: { latitude: 29.4846, longitude: 106.4864, accuracy: 18 },
};
const PORTRAIT: BrowserContextOptions = { ...TABLET, viewport: { width: 768, height: 1024 } };

describe.skipIf(!canRun)("interview app in Chromium (tablet, offline)", () => {
  let server: TestServer;
  let admin: ApiSession;

  beforeAll(async () => {
    mkdirSync(resultPath(""), { recursive: true });
    server = await startTestServer();
    admin = apiSession(server.url);
    expect((await admin.post("/api/v1/auth/login", { username: "admin", password: server.adminPassword })).status).toBe(200);
    expect((await admin.post("/api/v1/users", { username: "jiedao", password: PASSWORD, role: "office", scope: SUB })).status).toBe(201);
    for (const username of ["zhang", "li", "zhao", "wang"]) {
      const res = await admin.post("/api/v1/users", { username, password: PASSWORD, role: "interviewer", scope: SUB });
      expect(res.status).toBe(201);
    }
  });
  afterAll(async () => {
    await server?.close();
  });

  async function counts(interviewer: string) {
    const db = server.server.db;
    const r = await db.all<{ n: number }>(sql`select count(*) as n from responses where interviewer = ${interviewer}`);
    const v = await db.all<{ n: number }>(sql`select count(*) as n from visits where interviewer = ${interviewer}`);
    return { responses: Number(r[0]!.n), visits: Number(v[0]!.n) };
  }

  async function login(page: Page, username: string) {
    await page.goto(`${server.url}/interview`);
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByTestId("pending-count").waitFor();
  }

  async function chooseArea(page: Page) {
    await page.getByRole("button", { name: "民主社区" }).click();
    await page.getByRole("button", { name: /居民/ }).click();
    await expect.poll(() => page.getByTestId("area-name").textContent()).toBe("民主社区");
  }

  /** The service worker controls the page and the survey definitions are stored: ready to go offline. */
  async function readyForOffline(page: Page) {
    // Generous: the shared test machines are slow while other suites run.
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 60_000 });
    await page.waitForFunction(
      () =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open("cw-interview");
          open.onsuccess = () => {
            const req = open.result.transaction("catalog").objectStore("catalog").getAllKeys();
            req.onsuccess = () => {
              open.result.close();
              resolve((req.result as string[]).some((k) => k.startsWith("survey:resident@")));
            };
          };
          open.onerror = () => resolve(false);
        }),
      null,
      { timeout: 30_000 },
    );
  }

  async function pending(page: Page): Promise<number> {
    return Number(((await page.getByTestId("pending-count").textContent()) ?? "").replace(/\D/g, ""));
  }

  async function recordOther(page: Page, household: string, outcome: "拒访" | "不在家" | "无人居住") {
    await page.locator('input[name="household"]').fill(household);
    await page.getByRole("button", { name: outcome, exact: true }).click();
    await page.getByText(`已保存：${household}`).waitFor();
  }

  async function completeInterview(page: Page, household: string, checkNotRead = false): Promise<boolean> {
    await page.locator('input[name="household"]').fill(household);
    await page.getByRole("button", { name: "完成（开始问卷）" }).click();
    await page.locator(".sd-page").waitFor({ timeout: 30_000 });
    let sawNotRead = false;
    for (let step = 0; step < 20; step++) {
      await answerCurrentPage(page);
      if (checkNotRead && !sawNotRead && (await page.locator(".iv-not-read").count()) > 0) {
        sawNotRead = true;
        expect(await page.locator(".iv-not-read").first().textContent()).toContain("不读出");
        await page.locator(".iv-not-read").first().scrollIntoViewIfNeeded();
        await page.screenshot({ path: resultPath("interview-not-read.png") });
      }
      if ((await nextOrComplete(page)) === "complete") break;
    }
    await page.getByText(`已保存：${household} · 完成`).waitFor();
    return sawNotRead;
  }

  it("records 5 interviews and 3 visits offline, keeps them over a reload, syncs them once, and a replay adds nothing", async () => {
    const browser = await launchBrowser(TABLET);
    try {
      const { context } = browser;
      const { page, errors } = await newPage(context);
      await login(page, "zhang");
      // Positions are recorded only after the consent step (issue 19); this run checks they arrive.
      await page.getByRole("button", { name: "同意记录位置" }).click();
      await chooseArea(page);
      await readyForOffline(page);

      await context.setOffline(true);
      expect(await completeInterview(page, "1栋101", true)).toBe(true);
      for (let i = 2; i <= 5; i++) await completeInterview(page, `1栋10${i}`);
      await recordOther(page, "2栋201", "拒访");
      await recordOther(page, "2栋202", "不在家");
      await recordOther(page, "2栋203", "无人居住");
      expect(await pending(page)).toBe(8);
      await page.screenshot({ path: resultPath("interview-offline-8-pending.png"), fullPage: true });

      await page.reload();
      await page.getByTestId("pending-count").waitFor();
      await expect.poll(() => page.getByTestId("visit-item").count()).toBe(8);
      expect(await pending(page)).toBe(8);
      expect(await page.locator('[data-testid="visit-item"][data-state="pending"]').count()).toBe(8);
      await page.screenshot({ path: resultPath("interview-after-offline-reload.png"), fullPage: true });
      expect(await counts("zhang")).toEqual({ responses: 0, visits: 0 });

      await context.setOffline(false);
      await expect.poll(() => pending(page), { timeout: 30_000 }).toBe(0);
      await expect.poll(() => page.getByTestId("synced-count").textContent()).toBe("已同步 8");
      await page.screenshot({ path: resultPath("interview-synced.png"), fullPage: true });
      expect(await counts("zhang")).toEqual({ responses: 5, visits: 8 });
      const located = await server.server.db.all<{ n: number }>(
        sql`select count(*) as n from visits where interviewer = 'zhang' and outcome = 'completed' and latitude is not null and accuracy_m > 0 and duration_ms > 0`,
      );
      expect(Number(located[0]!.n)).toBe(5);

      // A lost reply, at the scale of the whole queue: send everything again.
      const statuses: number[] = [];
      page.on("response", (r) => {
        if (/\/api\/v1\/(responses|visits)$/.test(r.url())) statuses.push(r.status());
      });
      await page.evaluate(
        () =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open("cw-interview");
            open.onsuccess = () => {
              const tx = open.result.transaction("queue", "readwrite");
              const store = tx.objectStore("queue");
              store.getAll().onsuccess = (e) => {
                for (const item of (e.target as IDBRequest).result as Record<string, unknown>[]) {
                  store.put({ ...item, state: "pending", responseSyncedAt: null, syncedAt: null });
                }
              };
              tx.oncomplete = () => {
                open.result.close();
                resolve();
              };
              tx.onerror = () => reject(tx.error);
            };
          }),
      );
      await page.reload();
      await expect.poll(() => page.getByTestId("synced-count").textContent(), { timeout: 30_000 }).toBe("已同步 8");
      expect(statuses.sort()).toEqual(Array(13).fill(200));
      expect(await counts("zhang")).toEqual({ responses: 5, visits: 8 });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("gets every item to the server exactly once over a flaky network", async () => {
    // Service workers off so that every sync request passes the route below.
    const browser = await launchBrowser({ ...TABLET, serviceWorkers: "block" });
    try {
      const { context } = browser;
      const { page, errors } = await newPage(context);
      let call = 0;
      const fates: string[] = [];
      await context.route(/\/api\/v1\/(responses|visits)$/, async (route: Route) => {
        const n = call++;
        if (n % 5 === 0) {
          fates.push("dropped");
          return route.abort("connectionreset");
        }
        if (n % 5 === 2) {
          // Reaches the server, the reply never comes back.
          await route.fetch();
          fates.push("lost");
          return route.abort("connectionreset");
        }
        await new Promise((r) => setTimeout(r, 300));
        fates.push("ok");
        return route.fulfill({ response: await route.fetch() });
      });
      await login(page, "wang");
      await chooseArea(page);
      for (let i = 1; i <= 3; i++) await completeInterview(page, `5栋${i}0${i}`);
      for (const [h, o] of [
        ["6栋1", "拒访"],
        ["6栋2", "不在家"],
        ["6栋3", "拒访"],
        ["6栋4", "无人居住"],
      ] as const)
        await recordOther(page, h, o);
      await expect
        .poll(() => pending(page), { timeout: 90_000, interval: 500 })
        .toBe(0)
        .catch(async (error: unknown) => {
          await page.screenshot({ path: resultPath("interview-flaky-failed.png"), fullPage: true });
          console.log(fates.join(","), await page.locator(".iv-status").textContent());
          throw error;
        });
      expect(fates).toContain("dropped");
      expect(fates).toContain("lost");
      await page.screenshot({ path: resultPath("interview-flaky-recovered.png"), fullPage: true });
      expect(await counts("wang")).toEqual({ responses: 3, visits: 7 });
      const ids = await server.server.db.all<{ id: string }>(sql`select id from visits where interviewer = 'wang'`);
      expect(new Set(ids.map((r) => r.id)).size).toBe(7);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("keeps each user's queue to its author on a shared tablet", async () => {
    const browser = await launchBrowser(PORTRAIT);
    try {
      const { context } = browser;
      const { page, errors } = await newPage(context);
      await login(page, "li");
      await chooseArea(page);
      await readyForOffline(page);
      await context.setOffline(true);
      await completeInterview(page, "李的住户A");
      await recordOther(page, "李的住户B", "不在家");
      expect(await pending(page)).toBe(2);
      await page.getByRole("button", { name: "退出" }).click();
      await page.locator('input[name="username"]').waitFor();
      await page.screenshot({ path: resultPath("interview-handover-login.png"), fullPage: true });

      await context.setOffline(false);
      await login(page, "zhao");
      await chooseArea(page);
      expect(await pending(page)).toBe(0);
      expect(await page.getByTestId("visit-item").count()).toBe(0);
      expect(await page.locator("body").textContent()).not.toContain("李的住户");
      await recordOther(page, "赵的住户", "拒访");
      await expect.poll(() => pending(page), { timeout: 20_000 }).toBe(0);
      await expect.poll(() => page.getByTestId("synced-count").textContent()).toBe("已同步 1");
      await page.screenshot({ path: resultPath("interview-second-user.png"), fullPage: true });
      expect(await counts("li")).toEqual({ responses: 0, visits: 0 });
      expect(await counts("zhao")).toEqual({ responses: 0, visits: 1 });

      await page.getByRole("button", { name: "退出" }).click();
      await page.locator('input[name="username"]').waitFor();
      await login(page, "li");
      await expect.poll(() => pending(page), { timeout: 20_000 }).toBe(0);
      await expect.poll(() => page.getByTestId("synced-count").textContent()).toBe("已同步 2");
      expect(await page.locator("body").textContent()).not.toContain("赵的住户");
      expect(await counts("li")).toEqual({ responses: 1, visits: 2 });
      await page.screenshot({ path: resultPath("interview-first-user-back.png"), fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("shows offices the field progress: outcomes per community, interviewers per day, devices", async () => {
    const browser = await launchBrowser({ ...TABLET, viewport: { width: 1280, height: 900 } });
    try {
      const { page, errors } = await newPage(browser.context);
      await page.goto(`${server.url}/login?next=/dashboard/field`);
      await page.locator('input[name="username"]').fill("jiedao");
      await page.locator('input[name="password"]').fill(PASSWORD);
      await page.getByRole("button", { name: "登录" }).click();
      await page.waitForURL(/\/dashboard\/field$/);
      const row = page.locator(".field-progress tbody tr", { hasText: "民主社区" });
      await row.first().waitFor({ timeout: 20_000 });
      const total = await counts("zhang").then(async (z) => {
        const others = await Promise.all(["li", "zhao", "wang"].map(counts));
        return others.reduce((s, c) => s + c.visits, z.visits);
      });
      expect(await row.first().locator("td").nth(1).textContent()).toBe(String(total));
      expect(await page.locator(".field-progress").textContent()).toContain("zhang");
      await page.screenshot({ path: resultPath("field-progress.png"), fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
