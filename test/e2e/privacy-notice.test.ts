/**
 * Issue 19, notice and consent in real Chromium: the 个人信息处理告知 on a 375x667 phone before the
 * first question, which stays on the first screen (axe clean, 展开 shows the full text an admin
 * set); on the tablet the GPS consent step, where a refusal records the visit with no coordinates
 * and no position ever requested, and consent puts the admin's sentence into the 开场白.
 */
import { sql } from "drizzle-orm";
import type { BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PRIVACY_NOTICE } from "../../server/contracts/privacy-notice-defaults";
import { seriousAxeViolations } from "./axe";
import {
  apiSession,
  findCommunities,
  launchBrowser,
  newPage,
  PHONE,
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
  hasTouch: true,
  locale: "zh-CN",
  timezoneId: "Asia/Shanghai",
  // The browser would give a position: only the app's consent step stands in the way.
  permissions: ["geolocation"],
  geolocation: { latitude: 29.4846, longitude: 106.4864, accuracy: 18 },
};
/** Counts the page's calls for a position, so a test can say none was ever asked for. */
const COUNT_GEOLOCATION = `(() => {
  window.__positionRequests = 0;
  const geo = navigator.geolocation;
  const original = geo.getCurrentPosition.bind(geo);
  geo.getCurrentPosition = (...args) => { window.__positionRequests++; return original(...args); };
})();`;

describe.skipIf(!canRun)("privacy notice and GPS consent (issue 19)", () => {
  let server: TestServer;
  let admin: ApiSession;
  let community: string;

  beforeAll(async () => {
    server = await startTestServer();
    admin = apiSession(server.url);
    const login = await admin.post<{ user: { scope: string } }>("/api/v1/auth/login", {
      username: "admin",
      password: server.adminPassword,
    });
    expect(login.status).toBe(200);
    community = (await findCommunities(admin, login.body.user.scope, 1))[0]!.code;
    for (const username of ["gps-no", "gps-yes"]) {
      expect((await admin.post("/api/v1/users", { username, password: PASSWORD, role: "interviewer", scope: SUB })).status).toBe(201);
    }
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it("shows the notice on a phone before the first question, which stays on the first screen; 展开 shows the full text; axe clean", async () => {
    const poster = await admin.post<{ url: string }>("/api/v1/posters", { unitCode: community, surveyId: "resident" });
    expect(poster.status).toBe(201);
    const browser = await launchBrowser(PHONE);
    try {
      const { page, errors } = await newPage(browser.context);
      await page.goto(poster.body.url);
      const question = page.locator(".sd-page .sd-question").first();
      await question.waitFor({ timeout: 60_000 });
      const notice = page.getByTestId("privacy-notice");
      await expect.poll(() => notice.isVisible()).toBe(true);
      expect(await page.getByRole("region", { name: "个人信息处理告知" }).textContent()).toContain(
        DEFAULT_PRIVACY_NOTICE.respondentSummary,
      );
      await page.screenshot({ path: resultPath("privacy-notice-phone.png") });

      // Before the first question, in the page and on the screen, and that question still on the first screen.
      const box = async (p: typeof notice) => (await p.boundingBox())!;
      const n = await box(notice);
      const title = await box(page.locator(".sd-page .sd-question .sd-question__title").first());
      expect(n.y + n.height).toBeLessThanOrEqual(title.y);
      expect(title.y + title.height).toBeLessThanOrEqual(667);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      expect(await seriousAxeViolations(page)).toEqual([]);

      // The full text is behind 展开, and says how long and whom to ask.
      const full = page.getByText(DEFAULT_PRIVACY_NOTICE.respondentFull.split("\n")[2]!);
      expect(await full.isVisible()).toBe(false);
      await page.getByText("展开全文").click();
      await full.waitFor();
      await page.screenshot({ path: resultPath("privacy-notice-phone-expanded.png"), fullPage: true });
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 180_000);

  it("shows what an admin set, from the admin section", async () => {
    const browser = await launchBrowser({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
    try {
      const { page } = await newPage(browser.context);
      await page.goto(`${server.url}/admin/privacy`);
      await page.locator('input[name="username"]').fill("admin");
      await page.locator('input[name="password"]').fill(server.adminPassword);
      await page.getByRole("button", { name: "登录" }).click();
      const summary = page.getByLabel("扫码问卷：告知摘要");
      await summary.waitFor({ timeout: 30_000 });
      await summary.fill("本问卷不记名，回答只用于统计，保存一年。疑问请联系区创文办 023-1234。");
      await page.getByRole("button", { name: "保存告知文字" }).click();
      await page.getByRole("status").getByText("已保存").waitFor();
      expect(await seriousAxeViolations(page, ".admin-panel")).toEqual([]);
      await page.screenshot({ path: resultPath("privacy-notice-admin.png"), fullPage: true });
    } finally {
      await browser.close();
    }
    const poster = await admin.post<{ url: string }>("/api/v1/posters", { unitCode: community, surveyId: "resident" });
    const phone = await launchBrowser(PHONE);
    try {
      const { page } = await newPage(phone.context);
      await page.goto(poster.body.url);
      await page.getByText("疑问请联系区创文办 023-1234").waitFor({ timeout: 60_000 });
    } finally {
      await phone.close();
    }
  }, 180_000);

  async function signIn(page: Page, username: string) {
    await page.goto(`${server.url}/interview`);
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByTestId("pending-count").waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "民主社区" }).click();
    await page.getByRole("button", { name: /居民/ }).click();
    await expect.poll(() => page.getByTestId("area-name").textContent()).toBe("民主社区");
  }

  async function visitsOf(interviewer: string) {
    return server.server.db.all<{ household: string; latitude: number | null; longitude: number | null; accuracy_m: number | null }>(
      sql`select household, latitude, longitude, accuracy_m from visits where interviewer = ${interviewer} order by household`,
    );
  }

  it("asks before recording GPS: refused, the visit is recorded without coordinates and no position is requested", async () => {
    const browser = await launchBrowser(TABLET);
    try {
      await browser.context.addInitScript(COUNT_GEOLOCATION);
      const { page, errors } = await newPage(browser.context);
      await signIn(page, "gps-no");
      const consent = page.getByTestId("gps-consent");
      await consent.waitFor();
      expect(await consent.textContent()).toContain(DEFAULT_PRIVACY_NOTICE.interviewGpsConsent);
      expect(await seriousAxeViolations(page, '[data-testid="gps-consent"]')).toEqual([]);
      await page.screenshot({ path: resultPath("gps-consent.png"), fullPage: true });
      await page.getByRole("button", { name: "不记录位置" }).click();
      await page.getByTestId("gps-consent-status").getByText("不记录").waitFor();

      await page.locator('input[name="household"]').fill("3栋301");
      await page.getByRole("button", { name: "不在家", exact: true }).click();
      await page.getByText("已保存：3栋301").waitFor();
      // The 开场白 of an interview says nothing about positions it does not take.
      await page.locator('input[name="household"]').fill("3栋302");
      await page.getByRole("button", { name: "完成（开始问卷）" }).click();
      await page.getByTestId("opening-script").waitFor();
      expect(await page.getByTestId("opening-gps").count()).toBe(0);
      await page.getByRole("button", { name: "受访者拒访" }).click();
      await page.getByText("已保存：3栋302").waitFor();

      // Remembered on this tablet: a reload does not ask again.
      await page.reload();
      await page.getByTestId("gps-consent-status").waitFor({ timeout: 30_000 });
      expect(await page.getByTestId("gps-consent").count()).toBe(0);

      await expect.poll(async () => (await visitsOf("gps-no")).length, { timeout: 60_000 }).toBe(2);
      expect(await visitsOf("gps-no")).toEqual([
        { household: "3栋301", latitude: null, longitude: null, accuracy_m: null },
        { household: "3栋302", latitude: null, longitude: null, accuracy_m: null },
      ]);
      expect(await page.evaluate(() => (window as unknown as { __positionRequests: number }).__positionRequests)).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 180_000);

  it("with consent, the 开场白 states it and the visit carries its position", async () => {
    const browser = await launchBrowser(TABLET);
    try {
      const { page } = await newPage(browser.context);
      await signIn(page, "gps-yes");
      await page.getByRole("button", { name: "同意记录位置" }).click();
      await page.getByTestId("gps-consent-status").getByText("记录中").waitFor();
      await page.locator('input[name="household"]').fill("4栋401");
      await page.getByRole("button", { name: "完成（开始问卷）" }).click();
      await page.getByTestId("opening-script").waitFor();
      expect(await page.getByTestId("opening-gps").textContent()).toBe(DEFAULT_PRIVACY_NOTICE.interviewOpeningGps);
      await page.screenshot({ path: resultPath("gps-opening-script.png"), fullPage: true });
      await page.getByRole("button", { name: "受访者拒访" }).click();
      await page.getByText("已保存：4栋401").waitFor();
      await expect.poll(async () => (await visitsOf("gps-yes")).length, { timeout: 60_000 }).toBe(1);
      const [visit] = await visitsOf("gps-yes");
      expect(visit!.latitude).toBeCloseTo(29.4846, 3);
      expect(visit!.accuracy_m).toBeGreaterThan(0);
    } finally {
      await browser.close();
    }
  }, 180_000);
});
