/**
 * Issue 15, residents on a 375x667 WeChat phone: what a respondent sees (不清楚 without the
 * interviewer's 不读出, page progress in words, a compact header, the survey's own messages), the
 * 大字 switch and axe, a second household member on the same phone, and a reload with no signal.
 */
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { seriousAxeViolations } from "./axe";
import {
  answerCurrentPage,
  apiSession,
  draftOf,
  findCommunities,
  launchBrowser,
  newPage,
  nextOrComplete,
  PHONE,
  requireChromium,
  startTestServer,
  type ApiSession,
  type TestServer,
} from "./harness";

const canRun = requireChromium();
const THANKS = "感谢您的参与！";
const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/wt-phone-${name}.png` });

describe.skipIf(!canRun)("respondent page on a phone (issue 15)", () => {
  let server: TestServer;
  let admin: ApiSession;
  let communities: Awaited<ReturnType<typeof findCommunities>>;

  beforeAll(async () => {
    mkdirSync("/tmp", { recursive: true });
    server = await startTestServer();
    admin = apiSession(server.url);
    const login = await admin.post<{ user: { scope: string } }>("/api/v1/auth/login", {
      username: "admin",
      password: server.adminPassword,
    });
    communities = await findCommunities(admin, login.body.user.scope, 3);
  });
  afterAll(async () => {
    await server?.close();
  });

  async function posterUrl(unitCode: string): Promise<{ url: string; token: string }> {
    const created = await admin.post<{ url: string; token: string }>("/api/v1/posters", { unitCode, surveyId: "resident" });
    expect(created.status).toBe(201);
    return created.body;
  }

  async function toPage(page: Page, name: string) {
    for (let i = 0; i < 8; i++) {
      if (
        (await page
          .locator(".sd-page")
          .getAttribute("data-name")
          .catch(() => null)) === name
      )
        return;
      if (await page.locator(`.sd-page .sd-question[data-name]`).first().isVisible()) {
        const names = await page
          .locator(".sd-page .sd-question[data-name]")
          .evaluateAll((els) => els.map((e) => e.getAttribute("data-name")));
        if (name === "satisfaction" && names.some((n) => n?.startsWith("sat_"))) return;
        if (name === "awareness" && names.includes("knows_campaign")) return;
      }
      await answerCurrentPage(page);
      await nextOrComplete(page);
    }
    throw new Error(`never reached ${name}`);
  }

  it("speaks to a resident, not an interviewer: 不清楚, 第N/M页, a compact header, the survey's own messages, no axe failures", async () => {
    const poster = await posterUrl(communities[0]!.code);
    const browser = await launchBrowser(PHONE);
    try {
      const { page, errors } = await newPage(browser.context);
      await page.goto(poster.url);
      await page.locator(".sd-page .sd-question").first().waitFor();
      await shot(page, "page1");
      // Age bands: 65 falls in exactly one band.
      const ages = await page.locator('.sd-question[data-name="age_band"] .sd-item__control-label').allInnerTexts();
      expect(ages).toContain("50–65周岁");
      expect(ages).toContain("66周岁及以上");
      expect(await page.locator('link[rel="manifest"]').count()).toBe(0);
      expect(await seriousAxeViolations(page)).toEqual([]);

      // Household size 25: the survey's own message.
      await answerCurrentPage(page, 1);
      await page.locator('.sd-question[data-name="household_size"] input').fill("25");
      await page.locator(".sd-navigation__next-btn").click();
      await page.getByText("请填写1到20之间的整数").waitFor();
      expect(await page.getByText("该值不能大于").count()).toBe(0);
      await page.locator('.sd-question[data-name="household_size"] input').fill("3");
      await nextOrComplete(page);

      // Page 2: the progress in words, the header on one line, the first question on screen.
      await page.getByText("第2/6页").waitFor();
      expect(await page.getByRole("progressbar", { name: "第2/6页" }).count()).toBe(1);
      const firstTop = await page
        .locator(".sd-page .sd-question")
        .first()
        .evaluate((e) => e.getBoundingClientRect().top);
      expect(firstTop).toBeLessThan(300);
      expect(await page.getByText("居民创建全国文明城市知晓率满意度调查问卷").count()).toBe(0);
      // 最多选3项: once full, the page says why the other boxes do not respond.
      await page.locator('.sd-question[data-name="knows_campaign"] label').first().click();
      const boxes = page.locator('.sd-question[data-name="info_source"] label:has(input[type=checkbox])');
      for (let i = 0; i < 3; i++) await boxes.nth(i).click();
      await page.getByText("已选满3项，其余选项暂不能选").waitFor();
      expect(await boxes.nth(4).locator("input").isDisabled()).toBe(true);
      await shot(page, "limit");
      expect(await seriousAxeViolations(page)).toEqual([]);

      // The 满意度 page: 不清楚, never 不读出; two columns of short answers.
      await toPage(page, "satisfaction");
      const body = await page.locator(".sd-page").innerText();
      expect(body).toContain("不清楚");
      expect(body).not.toContain("不读出");
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      console.log("satisfaction page height at 375x667:", height);
      await shot(page, "satisfaction");
      // 4,634 px with one answer per line before (issue 15 walk): now about 3,450.
      expect(height).toBeLessThan(4634);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("大字: one tap, remembered, 18 px and up; lines 1.3 and up; targets 44 px", async () => {
    const poster = await posterUrl(communities[1]!.code);
    const browser = await launchBrowser(PHONE);
    try {
      const { page } = await newPage(browser.context);
      await page.goto(poster.url);
      await page.locator(".sd-page .sd-question").first().waitFor();
      const measure = () =>
        page
          .locator('.sd-question[data-name="age_band"] .sd-item__control-label')
          .first()
          .evaluate((e) => {
            const s = getComputedStyle(e);
            return { size: Number.parseFloat(s.fontSize), line: Number.parseFloat(s.lineHeight) / Number.parseFloat(s.fontSize) };
          });
      const normal = await measure();
      expect(normal.size).toBeGreaterThanOrEqual(18);
      expect(normal.line).toBeGreaterThanOrEqual(1.3);
      const heights = await page
        .locator('.sd-question[data-name="age_band"] label')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
      await page.getByRole("button", { name: "大字" }).click();
      expect((await measure()).size).toBeGreaterThan(normal.size * 1.2);
      await page.reload();
      await page.locator(".sd-page .sd-question").first().waitFor();
      expect(await page.getByRole("button", { name: "大字" }).getAttribute("aria-pressed")).toBe("true");
      expect((await measure()).size).toBeGreaterThan(normal.size * 1.2);
      await shot(page, "large");
      expect(await seriousAxeViolations(page)).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("the restore notice stays on its page; 再填一份 starts a new response on the same phone", async () => {
    const poster = await posterUrl(communities[2]!.code);
    const browser = await launchBrowser(PHONE);
    try {
      const { page, errors } = await newPage(browser.context);
      await page.goto(poster.url);
      await page.locator(".sd-page .sd-question").first().waitFor();
      await answerCurrentPage(page);
      await page.reload();
      await page.getByText("已恢复您上次填写的内容").waitFor();
      // The notice shows as soon as the draft is read, before the survey has drawn its buttons.
      await page.locator(".sd-navigation__next-btn").waitFor();
      await nextOrComplete(page);
      await page.getByText("第2/6页").waitFor();
      expect(await page.getByText("已恢复您上次填写的内容").count()).toBe(0);
      for (let i = 0; i < 10; i++) {
        await answerCurrentPage(page);
        if ((await nextOrComplete(page)) === "complete") break;
      }
      await page.getByText(THANKS).waitFor();
      const first = await draftOf(page, poster.token);
      await page.getByRole("button", { name: "再填一份" }).click();
      await page.locator(".sd-page .sd-question").first().waitFor();
      const second = await draftOf(page, poster.token);
      expect(second).toMatchObject({ status: "filling" });
      expect(second!.responseId).not.toBe(first!.responseId);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("reloads with no signal: the survey again, answers kept, and a plain offline card at 提交", async () => {
    const poster = await posterUrl(communities[0]!.code);
    const browser = await launchBrowser(PHONE);
    try {
      const { page } = await newPage(browser.context);
      await page.goto(poster.url);
      await page.locator(".sd-page .sd-question").first().waitFor();
      await page.waitForFunction(
        async () => {
          if (!navigator.serviceWorker.controller) return false;
          const keys = await (await caches.open("cw-respondent-v1")).keys();
          return keys.some((k) => k.url.includes("survey-runner")) && keys.some((k) => k.url.includes("/q/"));
        },
        undefined,
        { timeout: 20_000 },
      );
      await answerCurrentPage(page);
      await nextOrComplete(page);
      await browser.context.setOffline(true);
      await page.reload();
      await page.getByText("第2/6页").waitFor();
      for (let i = 0; i < 10; i++) {
        await answerCurrentPage(page);
        if ((await nextOrComplete(page)) === "complete") break;
      }
      await page.getByText("网络恢复后会自动提交").waitFor();
      await shot(page, "offline");
      await browser.context.setOffline(false);
      await page.getByText(THANKS).waitFor({ timeout: 30_000 });
    } finally {
      await browser.close();
    }
  });
});
