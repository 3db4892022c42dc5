/**
 * Issue 11 in real Chromium against the real Node server: on /admin/flagged an admin finds an
 * unflagged response by its id and excludes it, then selects all flagged ones (全选) and
 * includes them with one reason (批量纳入); on /admin/posters an admin revokes a poster (the
 * confirmation asks for a reason) and a phone that scans it is told 该二维码已停用.
 */
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eligibleAnswers, qrBody } from "../helpers/fixtures";
import {
  apiSession,
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
const COMMUNITY = "500104001001";

describe.skipIf(!canRun)("review and posters in Chromium", () => {
  let server: TestServer;
  let api: ApiSession;

  beforeAll(async () => {
    mkdirSync(resultPath(""), { recursive: true });
    server = await startTestServer({ QR_RATE_LIMIT: "0", QR_BLOCK_LIMIT: "0" });
    api = apiSession(server.url);
    expect((await api.post("/api/v1/auth/login", { username: "admin", password: server.adminPassword })).status).toBe(200);
  });
  afterAll(async () => {
    await server?.close();
  });

  const respondents = async () =>
    (await api.get<{ metrics: { awareness: { respondents: number } } }>(`/api/v1/rates?unit=${COMMUNITY}`)).body.metrics.awareness
      .respondents;

  async function poster(): Promise<{ id: string; token: string; url: string }> {
    const made = await api.post<{ id: string; token: string; url: string }>("/api/v1/posters", {
      unitCode: COMMUNITY,
      surveyId: "resident",
    });
    expect(made.status).toBe(201);
    return made.body;
  }

  async function submit(token: string, deviceId?: string): Promise<string> {
    const body = qrBody(token, { answers: eligibleAnswers(), ...(deviceId ? { deviceId } : {}) });
    expect((await api.post("/api/v1/responses", body)).status).toBe(201);
    return body.id;
  }

  async function signIn() {
    const desktop = await launchBrowser({ viewport: { width: 1280, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    const { page, errors } = await newPage(desktop.context);
    await page.goto(`${server.url}/login`);
    await page.locator('input[name="username"]').fill("admin");
    await page.locator('input[name="password"]').fill(server.adminPassword);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/dashboard/);
    return { desktop, page, errors };
  }

  it("excludes an unflagged response found by id, and bulk-includes the flagged list", async () => {
    const { token } = await poster();
    const plain = await submit(token);
    // Two more from one phone: the second is flagged same_device; a third device pair likewise.
    await submit(token, "phone-a");
    await submit(token, "phone-a");
    await submit(token, "phone-b");
    await submit(token, "phone-b");
    const before = await respondents();
    expect(before).toBe(3);

    const { desktop, page, errors } = await signIn();
    try {
      await page.goto(`${server.url}/admin/flagged`);
      const search = page.getByTestId("response-search");
      await search.locator('input[name="id"]').fill(plain);
      await search.getByRole("button", { name: "查找" }).click();
      const item = search.locator(`li[data-response="${plain}"]`);
      await item.waitFor();
      await item.getByText("计入统计").first().waitFor();
      // Titles and choice texts, not `resident v1 · qr` and raw codes.
      await item.getByText("居民创建全国文明城市知晓率满意度调查问卷", { exact: false }).first().waitFor();
      expect(await item.textContent()).toContain("· 扫码填写");
      expect(await item.textContent()).not.toMatch(/resident v\d/);
      await item.locator("summary").first().click();
      const answers = item.locator(".labelled-answers");
      await expect.poll(() => answers.textContent()).toContain("您的年龄是？");
      expect(await answers.textContent()).toContain("岁");
      expect(await answers.textContent()).not.toContain("18_29");
      await item.screenshot({ path: resultPath("review-answers.png") });
      await item.getByLabel("审核理由（必填，会记录在操作日志中）").fill("电话回访：非居民本人填写");
      await item.getByRole("button", { name: "排除" }).click();
      await item.getByText("未计入统计").waitFor();
      expect(await respondents()).toBe(before - 1);

      // The pending list: 全选, one reason, 批量纳入.
      await page.reload();
      const pending = page.locator(".admin-panel > .flagged-list > li");
      await expect.poll(() => pending.count()).toBe(2);
      const bulk = page.getByTestId("review-bulk").first();
      await bulk.getByLabel("全选").check();
      await bulk.getByText("已选 2 份").waitFor();
      await bulk.getByLabel("批量审核理由（必填，对所选答卷统一记录在操作日志中）").fill("同一户家庭成员共用手机，已核实");
      await bulk.getByRole("button", { name: "批量纳入" }).click();
      await page.getByText("已纳入 2 份答卷").waitFor();
      await expect.poll(() => respondents()).toBe(before - 1 + 2);
      await page.screenshot({ path: resultPath("review-bulk.png"), fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await desktop.close();
    }
    const audit = await api.get<{ entries: { action: string }[] }>("/api/v1/admin/audit?action=responses.review");
    expect(audit.body.entries).toHaveLength(3);
  });

  it("revokes a poster after a confirmation with a reason; the phone that scans it is told so", async () => {
    const made = await poster();
    const { desktop, page, errors } = await signIn();
    try {
      await page.goto(`${server.url}/admin/posters`);
      const row = page.locator(`tr[data-poster="${made.id}"]`);
      await row.getByText("有效").waitFor();
      // Cancel first: nothing happens.
      page.once("dialog", (d) => void d.dismiss());
      await row.getByRole("button", { name: "撤销" }).click();
      await expect.poll(async () => (await api.get<{ status: string }>(`/api/v1/posters/${made.id}`)).body.status).toBe("active");
      page.once("dialog", (d) => void d.accept("海报贴错了位置"));
      await row.getByRole("button", { name: "撤销" }).click();
      await page.locator(`tr[data-poster="${made.id}"][data-status="revoked"]`).getByText("已撤销").waitFor();
      expect(errors).toEqual([]);
    } finally {
      await desktop.close();
    }

    const phone = await launchBrowser(PHONE);
    try {
      const { page, errors } = await newPage(phone.context);
      await page.goto(made.url);
      await page.getByText("该二维码已停用").first().waitFor();
      expect(await page.getByTestId("poster-closed").getAttribute("data-code")).toBe("poster_revoked");
      expect(await page.locator(".sd-question").count()).toBe(0);
      await page.screenshot({ path: resultPath("poster-revoked.png") });
      expect(errors).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});
