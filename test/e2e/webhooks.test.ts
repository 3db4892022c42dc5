/**
 * The admin section 消息推送 in real Chromium: an admin makes a 企业微信 subscription pointed at a
 * local receiver, sees its secret once, presses 测试推送 and reads the result, then opens the
 * delivery log (screenshot in test-results/).
 */
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReceiver, type Receiver } from "../helpers/webhook-receiver";
import { launchBrowser, newPage, requireChromium, resultPath, startTestServer, type TestServer } from "./harness";

const canRun = requireChromium();

describe.skipIf(!canRun)("消息推送 in Chromium", () => {
  let server: TestServer;
  let receiver: Receiver;

  beforeAll(async () => {
    mkdirSync(resultPath(""), { recursive: true });
    server = await startTestServer({ WEBHOOK_INTERVAL_SECONDS: "0" });
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await server?.close();
  });

  it("creates a subscription, test-sends to the receiver and shows the delivery in the log", async () => {
    const desktop = await launchBrowser({ viewport: { width: 1280, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    try {
      const { page, errors } = await newPage(desktop.context);
      await page.goto(`${server.url}/login`);
      await page.locator('input[name="username"]').fill("admin");
      await page.locator('input[name="password"]').fill(server.adminPassword);
      await page.locator('button[type="submit"]').click();
      await page.waitForURL(/\/dashboard/);

      await page.goto(`${server.url}/admin/webhooks`);
      await page.getByRole("link", { name: "消息推送" }).waitFor();
      await page.getByText("还没有消息推送").waitFor();
      const form = page.getByRole("form", { name: "新建推送" });
      await form.getByLabel("名称").fill("大渡口区创文群");
      await form.getByLabel("接收地址（http/https）").fill(`${receiver.url}?key=e2e`);
      await form.getByLabel("单位代码").fill("500104000000");
      await form.getByLabel("格式").selectOption("wecom");
      await form.getByRole("button", { name: "新建推送" }).click();
      await page.getByText("已新建“大渡口区创文群”").waitFor();
      const secret = await page.locator("code").innerText();
      expect(secret.length).toBeGreaterThanOrEqual(32);

      const item = page.getByRole("listitem", { name: "大渡口区创文群" });
      await item.getByText("企业微信群机器人").waitFor();
      await item.getByRole("button", { name: "测试推送" }).click();
      await item.getByText(/测试成功：对方返回 200/).waitFor();
      expect(receiver.received).toHaveLength(1);
      expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({ msgtype: "markdown" });

      await item.getByRole("button", { name: "推送记录" }).click();
      const log = item.getByRole("table", { name: "推送记录" });
      await log.getByText("已送达").waitFor();
      await expect.poll(() => log.locator("tbody tr").count()).toBe(1);
      await page.screenshot({ path: resultPath("admin-webhooks.png"), fullPage: true });

      // Reloaded, the secret is gone for good; the list shows the subscription without it.
      await page.reload();
      await page.getByRole("listitem", { name: "大渡口区创文群" }).waitFor();
      expect(await page.content()).not.toContain(secret);
      expect(errors).toEqual([]);
    } finally {
      await desktop.close();
    }
  }, 60_000);
});
