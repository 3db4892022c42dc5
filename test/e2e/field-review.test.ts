/**
 * Issue 16, parts 4 and 5 in real Chromium against the real Node server: a supervisor (office of
 * the subdistrict) opens the review queue, reads the interview's answers, returns it with a
 * reason; the interviewer's tablet, on its next sync, lists it under 退回的访问 with that reason
 * (also offline after a reload), and 重新访问 fills the household into the new-visit form.
 * axe finds no serious or critical violation on the review page (detail open) nor on the tablet.
 */
import { mkdirSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validAnswers } from "../helpers/fixtures";
import { seriousAxeViolations } from "./axe";
import { apiSession, launchBrowser, newPage, requireChromium, resultPath, startTestServer, type TestServer } from "./harness";

const canRun = requireChromium();
const SUB = "500104001000";
const COMMUNITY = "500104001001";
const PASSWORD = "review-pass-1";
const HOUSEHOLD = "9栋3单元201";
const REASON = "第5题受访者未作答，请重新入户";

describe.skipIf(!canRun)("supervisor review reaches the tablet (issue 16)", () => {
  let server: TestServer;
  let responseId: string;

  beforeAll(async () => {
    mkdirSync(resultPath(""), { recursive: true });
    server = await startTestServer();
    const serverStarted = new Date().toISOString();
    const admin = apiSession(server.url);
    expect((await admin.post("/api/v1/auth/login", { username: "admin", password: server.adminPassword })).status).toBe(200);
    expect((await admin.post("/api/v1/users", { username: "fang", password: PASSWORD, role: "interviewer", scope: SUB })).status).toBe(201);
    expect((await admin.post("/api/v1/users", { username: "jiedao", password: PASSWORD, role: "office", scope: SUB })).status).toBe(201);
    // The interview as fang's tablet sent it (the tablet's recording is tested in interview-tablet.test.ts).
    const fang = apiSession(server.url);
    expect((await fang.post("/api/v1/auth/login", { username: "fang", password: PASSWORD })).status).toBe(200);
    const version = (await fang.get<{ version: number }>("/api/v1/surveys/resident")).body.version;
    responseId = crypto.randomUUID();
    // Answered after the version's publication at server start, or the clock check would flag it.
    const started = serverStarted;
    await new Promise((r) => setTimeout(r, 1500));
    const at = new Date().toISOString();
    const submitted = await fang.post("/api/v1/responses", {
      id: responseId,
      surveyId: "resident",
      surveyVersion: version,
      channel: "interview",
      unitCode: COMMUNITY,
      answers: validAnswers("resident"),
      startedAt: started,
      completedAt: at,
      deviceId: "e2e-tablet",
    });
    expect(submitted.status).toBe(201);
    const visit = await fang.post("/api/v1/visits", {
      id: crypto.randomUUID(),
      unitCode: COMMUNITY,
      surveyId: "resident",
      household: HOUSEHOLD,
      outcome: "completed",
      responseId,
      visitedAt: started,
      deviceId: "e2e-tablet",
    });
    expect(visit.status).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  async function signIn(page: Page, path: string, username: string) {
    await page.goto(`${server.url}${path}`);
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('button[type="submit"]').click();
  }

  it("the supervisor returns an interview with a reason, and the tablet shows it after its sync", async () => {
    const desktop = await launchBrowser({ viewport: { width: 1280, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    try {
      const { page, errors } = await newPage(desktop.context);
      await signIn(page, "/login", "jiedao");
      await page.waitForURL(/\/dashboard/);
      await page.getByRole("link", { name: "访问审核" }).click();
      const row = page.getByTestId("review-row");
      await row.waitFor({ timeout: 30_000 });
      expect(await row.count()).toBe(1);
      expect(await row.textContent()).toContain("fang");
      expect(await row.textContent()).toContain("待审核");
      expect(await row.textContent()).not.toContain("不计入统计");
      // Without the personal-data permission the household label is masked.
      expect(await row.textContent()).not.toContain(HOUSEHOLD);
      await row.getByRole("button", { name: "查看" }).click();
      await page.locator(".review-answers dt").first().waitFor();
      expect(await page.locator(".review-answers dt").count()).toBeGreaterThan(3);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: resultPath("field-review-queue.png"), fullPage: true });

      await page.getByLabel("理由", { exact: true }).fill(REASON);
      await page.getByRole("button", { name: "退回", exact: true }).click();
      // It leaves the 待审核 queue; under 退回 it shows the reason.
      await page.getByText("没有符合条件的访问。").waitFor();
      expect(await page.locator(".review-status").textContent()).toBe("已设为“退回”。");
      await page.getByLabel("审核状态").selectOption("returned");
      await page.getByRole("button", { name: "筛选" }).click();
      await expect.poll(() => page.getByTestId("review-row").first().textContent()).toContain(REASON);
      expect(await page.getByTestId("review-row").first().textContent()).toContain("不计入统计");
      const stored = await server.server.db.all<{ state: string; reason: string }>(
        sql`select state, reason from interview_reviews where response_id = ${responseId}`,
      );
      expect(stored).toEqual([{ state: "returned", reason: REASON }]);
      expect(errors).toEqual([]);
    } finally {
      await desktop.close();
    }

    const tablet = await launchBrowser({
      viewport: { width: 1024, height: 768 },
      hasTouch: true,
      locale: "zh-CN",
      timezoneId: "Asia/Shanghai",
    });
    try {
      const { page, errors } = await newPage(tablet.context);
      await signIn(page, "/interview", "fang");
      await page.getByTestId("pending-count").waitFor();
      await page.getByRole("button", { name: "民主社区" }).click();
      await page.getByRole("button", { name: /居民/ }).click();
      const item = page.getByTestId("returned-item");
      await item.waitFor({ timeout: 30_000 });
      expect(await item.textContent()).toContain(REASON);
      expect(await item.textContent()).toContain(HOUSEHOLD);
      expect(await page.getByText("退回的访问 1").count()).toBe(1);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: resultPath("field-review-tablet-returned.png") });
      // 重新访问 fills the household into the new-visit form (same unit and questionnaire).
      await item.getByRole("button", { name: "重新访问" }).click();
      await expect.poll(() => page.locator('input[name="household"]').inputValue()).toBe(HOUSEHOLD);

      // Offline after a reload, the list is still there (kept on the tablet).
      await tablet.context.setOffline(true);
      await page.reload();
      await page.getByTestId("returned-item").waitFor({ timeout: 30_000 });
      expect(await page.getByTestId("returned-item").textContent()).toContain(REASON);
      expect(errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED|NetworkError/.test(e))).toEqual([]);
    } finally {
      await tablet.close();
    }
  }, 240_000);
});
