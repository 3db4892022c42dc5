/**
 * Issue 14 part 3 in real Chromium against the real Node server: a district office finds a
 * resident's comment (意见建议), turns it into a 问题清单 item for the community through the unit
 * picker, the community's own user sees it and marks it 已整改, and the dashboard's open-items
 * count per unit follows.
 */
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eligibleAnswers, qrBody } from "../helpers/fixtures";
import { seriousAxeViolations } from "./axe";
import {
  apiSession,
  launchBrowser,
  newPage,
  requireChromium,
  resultPath,
  startTestServer,
  type ApiSession,
  type TestServer,
} from "./harness";

const canRun = requireChromium();
const DISTRICT = "500104000000";
const SUBDISTRICT = "500104001000";
const COMMUNITY = "500104001001";
const COMMENT = "楼道灯坏了三个月没人修";

describe.skipIf(!canRun)("意见建议 and 问题清单 in Chromium", () => {
  let server: TestServer;
  let api: ApiSession;
  let responseId: string;
  const names: Record<string, string> = {};

  beforeAll(async () => {
    mkdirSync(resultPath(""), { recursive: true });
    server = await startTestServer({ QR_RATE_LIMIT: "0", QR_BLOCK_LIMIT: "0" });
    api = apiSession(server.url);
    expect((await api.post("/api/v1/auth/login", { username: "admin", password: server.adminPassword })).status).toBe(200);
    for (const [username, scope] of [
      ["ddk-office", DISTRICT],
      ["ms-office", COMMUNITY],
    ]) {
      expect((await api.post("/api/v1/users", { username, password: "office-pass-1", role: "office", scope })).status).toBe(201);
    }
    for (const code of [SUBDISTRICT, COMMUNITY]) names[code] = (await api.get<{ name: string }>(`/api/v1/units/${code}`)).body.name;
    const poster = await api.post<{ token: string }>("/api/v1/posters", { unitCode: COMMUNITY, surveyId: "resident" });
    const body = qrBody(poster.body.token, { answers: { ...eligibleAnswers(), suggestions: COMMENT } });
    expect((await api.post("/api/v1/responses", body)).status).toBe(201);
    responseId = body.id;
  });
  afterAll(async () => {
    await server?.close();
  });

  async function signIn(username: string) {
    const desktop = await launchBrowser({ viewport: { width: 1280, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    const { page, errors } = await newPage(desktop.context);
    await page.goto(`${server.url}/login`);
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill("office-pass-1");
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/dashboard/);
    return { desktop, page, errors };
  }

  /** The dashboard panel's 未办结 count in the row of `code` (the district office sees its subdistricts). */
  async function unresolvedOnDashboard(page: import("playwright-core").Page, code: string): Promise<string> {
    await page.goto(`${server.url}/dashboard`);
    const cell = page.locator(`.issue-summary tr[data-unit="${code}"] .issue-summary__unresolved`);
    await cell.waitFor();
    return (await cell.textContent()) ?? "";
  }

  it("office finds the comment, hands it to the community, the community resolves it, the dashboard count follows", async () => {
    const office = await signIn("ddk-office");
    let itemId = "";
    try {
      const { page, errors } = office;
      expect(await unresolvedOnDashboard(page, SUBDISTRICT)).toBe("0");
      await page.getByRole("link", { name: "查看意见建议与问题清单" }).click();
      await page.waitForURL(/\/dashboard\/issues/);
      await page.getByPlaceholder("搜索意见建议内容").fill("楼道灯");
      await page.getByRole("button", { name: "查询", exact: true }).click();
      const card = page.locator(`.comment-card[data-response="${responseId}"]`);
      await card.getByText(COMMENT).waitFor();
      expect(await card.textContent()).toContain("扫码");
      await card.getByRole("button", { name: "转为问题清单" }).click();
      const dialog = page.getByRole("dialog", { name: "转为问题清单" });
      await dialog.getByLabel("问题标题").fill("楼道灯维修");
      // Pick the unit by walking down from the district: 街道 › 社区.
      await dialog.getByRole("button", { name: `下级单位：${names[SUBDISTRICT]}` }).click();
      await dialog.getByRole("button", { name: names[COMMUNITY], exact: true }).click();
      await dialog.getByText(`交办给：${names[COMMUNITY]}`).waitFor();
      await dialog.getByLabel("交办说明（选填）").fill("请一周内修好");
      await page.screenshot({ path: resultPath("issue-list-convert.png"), fullPage: true });
      expect(await seriousAxeViolations(page)).toEqual([]);
      await dialog.getByRole("button", { name: "确认交办" }).click();
      const created = page.getByText(/已创建问题清单 #\d+/);
      await created.waitFor();
      itemId = ((await created.textContent()) ?? "").replace(/\D/g, "");
      await card.getByText(`已转为问题清单 #${itemId}`).waitFor();
      const item = page.locator(`.issue-card[data-issue="${itemId}"]`);
      await item.locator(".issue-chip", { hasText: "待处理" }).waitFor();
      expect(await unresolvedOnDashboard(page, SUBDISTRICT)).toBe("1");
      // The monthly 通报's section 五 lists the same open item under its subdistrict.
      await page.goto(`${server.url}/dashboard/report?month=current`);
      const reportRows = page.locator('[data-testid="report-issues"] tbody tr');
      await expect.poll(() => reportRows.count()).toBe(1);
      expect(await reportRows.first().locator("td").allTextContents()).toEqual([names[SUBDISTRICT], "1"]);
      expect(errors).toEqual([]);
    } finally {
      await office.desktop.close();
    }

    const community = await signIn("ms-office");
    try {
      const { page, errors } = community;
      await page.getByRole("link", { name: "问题清单", exact: true }).click();
      const item = page.locator(`.issue-card[data-issue="${itemId}"]`);
      await item.getByText("楼道灯维修").waitFor();
      expect(await item.textContent()).toContain(COMMENT);
      expect(await item.textContent()).toContain("请一周内修好");
      await item.getByPlaceholder("写下办理情况").fill("已更换灯泡，居民确认");
      await item.getByRole("button", { name: "标记已整改" }).click();
      const resolved = page.locator(`.issue-card[data-issue="${itemId}"][data-status="resolved"]`);
      await resolved.locator(".issue-chip", { hasText: "已整改" }).waitFor();
      expect(await resolved.textContent()).toContain("已更换灯泡，居民确认");
      await page.screenshot({ path: resultPath("issue-list-resolved.png"), fullPage: true });
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await community.desktop.close();
    }

    const again = await signIn("ddk-office");
    try {
      expect(await unresolvedOnDashboard(again.page, SUBDISTRICT)).toBe("0");
      const row = again.page.locator(`.issue-summary tr[data-unit="${SUBDISTRICT}"]`);
      expect(await row.locator("td").last().textContent()).toBe("1");
      await again.page.locator(".issue-summary").screenshot({ path: resultPath("issue-list-dashboard.png") });
      // The full page opens at the dashboard's unit, and a row drills one level down.
      await again.page.getByRole("link", { name: "查看意见建议与问题清单" }).click();
      await again.page.locator(".issue-summary").getByRole("link", { name: names[SUBDISTRICT] }).click();
      const communityRow = again.page.locator(`.issue-summary tr[data-unit="${COMMUNITY}"]`);
      await communityRow.waitFor();
      expect(await communityRow.locator("td").last().textContent()).toBe("1");
      expect(again.page.url()).toContain(`unit=${SUBDISTRICT}`);
      expect(again.errors).toEqual([]);
    } finally {
      await again.desktop.close();
    }
    const audit = await api.get<{ entries: { action: string; actor: string }[] }>("/api/v1/admin/audit?action=issues.update");
    expect(audit.body.entries.map((e) => e.actor)).toEqual(["ms-office"]);
  });
});
