/**
 * The admin section 保留期限 in real Chromium: the safe defaults show, an admin changes the GPS
 * rule and saves, a pass of the retention job runs, and its runs appear in the log with the rows
 * they replaced; the change is in the audit log; axe-core finds no serious violation (screenshot
 * in test-results/).
 */
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runRetentionPass } from "../../server/services/privacy/retention-job";
import { DEMO } from "../helpers/fixtures";
import { seriousAxeViolations } from "./axe";
import { launchBrowser, newPage, requireChromium, resultPath, startTestServer, type TestServer } from "./harness";

const canRun = requireChromium();

describe.skipIf(!canRun)("保留期限 in Chromium", () => {
  let server: TestServer;

  beforeAll(async () => {
    mkdirSync(resultPath(""), { recursive: true });
    server = await startTestServer({ WEBHOOK_INTERVAL_SECONDS: "0", RETENTION_INTERVAL_SECONDS: "0" });
    // A visit of two years ago with a GPS fix: due under any setting below.
    await server.server.db.$client.execute({
      sql: `insert into visits (id, unit_code, survey_id, household, outcome, interviewer, device_id, visited_at, day, received_at, latitude, longitude, accuracy_m, content_hash)
            values ('00000000-0000-4000-8000-000000000002', ?, 'resident', '3栋2单元401', 'refused', 'zhang', 'tablet', '2024-05-01T02:00:00.000Z', '2024-05-01', '2024-05-01T02:00:00.000Z', 29.5, 106.5, 5, 'x')`,
      args: [DEMO.community],
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("shows the defaults, saves a change, and lists the job's runs", async () => {
    const desktop = await launchBrowser({ viewport: { width: 1280, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    try {
      const { page, errors } = await newPage(desktop.context);
      await page.goto(`${server.url}/login`);
      await page.locator('input[name="username"]').fill("admin");
      await page.locator('input[name="password"]').fill(server.adminPassword);
      await page.locator('button[type="submit"]').click();
      await page.waitForURL(/\/dashboard/);

      await page.goto(`${server.url}/admin/retention`);
      await page.getByRole("link", { name: "保留期限" }).waitFor();
      await page.getByText("尚无执行记录。").waitFor();
      const gps = page.getByRole("group", { name: "入户定位（GPS）" });
      const household = page.getByRole("group", { name: "户号 / 地址" });
      expect(await page.getByLabel("保留期从何时算起").inputValue()).toBe("year_end");
      expect(await gps.getByLabel("保留天数").inputValue()).toBe("180");
      expect(await gps.getByLabel("到期后").inputValue()).toBe("coarse");
      expect(await household.getByLabel("保留天数").inputValue()).toBe("180");

      await gps.getByLabel("保留天数").fill("30");
      await gps.getByLabel("到期后").selectOption("remove");
      await page.getByRole("button", { name: "保存" }).click();
      await page.getByRole("status").getByText("已保存").waitFor();

      await runRetentionPass(server.server.db, { clock: server.server.app.services.clock, secret: server.server.boot.secret });
      await page.reload();
      expect(await page.getByRole("group", { name: "入户定位（GPS）" }).getByLabel("到期后").inputValue()).toBe("remove");
      const log = page.getByRole("table", { name: "执行记录" });
      await expect.poll(() => log.locator("tbody tr").count()).toBe(2);
      const cells = await log
        .locator("tbody tr")
        .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("td")].slice(2).map((td) => td.textContent)));
      expect(cells).toEqual([
        ["户号", "1", "完成"],
        ["入户定位", "1", "完成"],
      ]);
      await page.screenshot({ path: resultPath("admin-retention.png"), fullPage: true });
      expect(await seriousAxeViolations(page, ".admin-panel")).toEqual([]);

      await page.goto(`${server.url}/admin/audit`);
      await page.getByText("修改保留期限").waitFor();
      expect(errors).toEqual([]);
    } finally {
      await desktop.close();
    }
  }, 90_000);
});
