/**
 * The admin section 个人信息查询与处理 in real Chromium: an admin finds a phone's answers by its
 * device id, exports them as JSON with a reason, anonymises them after the confirmation, and a
 * second search finds nothing (screenshots in test-results/).
 */
import { mkdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, eligibleAnswers, qrBody } from "../helpers/fixtures";
import { seriousAxeViolations } from "./axe";
import { apiSession, launchBrowser, newPage, requireChromium, resultPath, startTestServer, type TestServer } from "./harness";

const canRun = requireChromium();
const PHONE_DEVICE = "e2e-phone-7f3a";

describe.skipIf(!canRun)("个人信息查询与处理 in Chromium", () => {
  let server: TestServer;

  beforeAll(async () => {
    mkdirSync(resultPath(""), { recursive: true });
    server = await startTestServer();
    const api = apiSession(server.url);
    expect((await api.post("/api/v1/auth/login", { username: "admin", password: server.adminPassword })).status).toBe(200);
    const poster = await api.post<{ token: string }>("/api/v1/posters", { unitCode: DEMO.community, surveyId: "resident" });
    expect(poster.status).toBe(201);
    const body = qrBody(poster.body.token, {
      deviceId: PHONE_DEVICE,
      answers: { ...eligibleAnswers(), suggestions: "楼下路灯坏了，请联系 13812348000" },
    });
    const sent = await api.post("/api/v1/responses", body);
    expect(sent.status).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it("finds, exports and anonymises a device's answers", async () => {
    const desktop = await launchBrowser({
      viewport: { width: 1280, height: 900 },
      locale: "zh-CN",
      timezoneId: "Asia/Shanghai",
      acceptDownloads: true,
    });
    try {
      const { page, errors } = await newPage(desktop.context);
      await page.goto(`${server.url}/login`);
      await page.locator('input[name="username"]').fill("admin");
      await page.locator('input[name="password"]').fill(server.adminPassword);
      await page.locator('button[type="submit"]').click();
      await page.waitForURL(/\/dashboard/);

      await page.goto(`${server.url}/admin/subjects`);
      await page.getByRole("heading", { name: "个人信息查询与处理" }).waitFor();
      const form = page.getByRole("form", { name: "查找" });
      await form.getByLabel("设备编号").first().check();
      await form.getByRole("textbox", { name: "设备编号" }).fill(PHONE_DEVICE);
      await form.getByRole("button", { name: "查找" }).click();
      await page.getByText("答卷 1", { exact: true }).waitFor();
      await page.getByText("楼下路灯坏了，请联系 13812348000").first().waitFor();

      await page.getByLabel("理由（必填，记入操作日志）").fill("本人来电申请查阅并删除");
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "导出 JSON" }).click()]);
      const file = JSON.parse(readFileSync((await download.path())!, "utf8")) as { counts: { responses: number }; reason: string };
      expect(file.counts.responses).toBe(1);
      expect(file.reason).toBe("本人来电申请查阅并删除");
      await page.screenshot({ path: resultPath("admin-subjects-found.png"), fullPage: true });
      expect(await seriousAxeViolations(page, ".admin-panel")).toEqual([]);

      await page.getByRole("button", { name: "匿名化…" }).click();
      const confirm = page.getByRole("alertdialog", { name: "确认匿名化" });
      await confirm.getByRole("button", { name: "确认匿名化" }).click();
      await page
        .getByRole("status")
        .getByText(/已匿名化：答卷 1 份/)
        .waitFor();
      await page.getByText("本辖区内没有与之相关的记录。").waitFor();
      await page.screenshot({ path: resultPath("admin-subjects-anonymised.png"), fullPage: true });

      // Both actions are in the audit log, named in Chinese.
      await page.goto(`${server.url}/admin/audit`);
      await page.getByText("匿名化个人信息").first().waitFor();
      await page.getByText("导出个人信息").first().waitFor();
      expect(errors).toEqual([]);
    } finally {
      await desktop.close();
    }
  }, 90_000);
});
