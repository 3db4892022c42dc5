/**
 * The household register on the tablet (issue 16), in real Chromium at 1024x768 against the real
 * Node server: the community's doors load while online; offline, the interviewer picks a door from
 * the list, registers a door found in the field, sees 不在家 doors come back on 待回访 with the time
 * of the last try and a suggestion, revisits one; back online everything syncs, every visit
 * points at its door and the new door is in the register, marked as found in the field.
 */
import { mkdirSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readRegisterFile } from "../../server/services/register/register-import-file";
import { importRegister } from "../../server/services/register/register-import";
import { seriousAxeViolations } from "./axe";
import { apiSession, launchBrowser, newPage, requireChromium, resultPath, startTestServer, type TestServer } from "./harness";

const canRun = requireChromium();
const SUB = "500104001000";
const COMMUNITY = "500104001001";
const PASSWORD = "tablet-pass-1";

const TABLET: BrowserContextOptions = {
  viewport: { width: 1024, height: 768 },
  deviceScaleFactor: 1,
  hasTouch: true,
  locale: "zh-CN",
  timezoneId: "Asia/Shanghai",
};

describe.skipIf(!canRun)("the household register on the tablet (issue 16)", () => {
  let server: TestServer;

  beforeAll(async () => {
    mkdirSync(resultPath(""), { recursive: true });
    server = await startTestServer();
    const admin = apiSession(server.url);
    expect((await admin.post("/api/v1/auth/login", { username: "admin", password: server.adminPassword })).status).toBe(200);
    expect((await admin.post("/api/v1/users", { username: "door", password: PASSWORD, role: "interviewer", scope: SUB })).status).toBe(201);
    expect((await admin.post("/api/v1/users", { username: "zuzhang", password: PASSWORD, role: "office", scope: SUB })).status).toBe(201);
    const csv = [
      "unit_code,kind,building,unit,room,assigned_to",
      `${COMMUNITY},household,3,2,301,door`,
      `${COMMUNITY},household,3,2,302,`,
      `${COMMUNITY},household,5,1,101,`,
      `${COMMUNITY},shop,,,,`,
    ].join("\n");
    // The last row is a bad one on purpose: the whole file is refused, then the good rows go in.
    const refused = await importRegister(server.server.db, await readRegisterFile(new TextEncoder().encode(csv)), SUB, "admin", new Date());
    expect(refused.errors.map((e) => e.line)).toEqual([5]);
    const good = csv.split("\n").slice(0, 4).join("\n");
    const plan = await importRegister(server.server.db, await readRegisterFile(new TextEncoder().encode(good)), SUB, "admin", new Date());
    expect(plan.adds).toHaveLength(3);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  async function login(page: Page) {
    await page.goto(`${server.url}/interview`);
    await page.locator('input[name="username"]').fill("door");
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByTestId("pending-count").waitFor();
    await page.getByRole("button", { name: "民主社区" }).click();
    await page.getByRole("button", { name: /居民/ }).click();
    await expect.poll(() => page.getByTestId("area-name").textContent()).toBe("民主社区");
  }

  async function record(page: Page, household: string, outcome: "拒访" | "不在家") {
    await page.getByRole("button", { name: outcome, exact: true }).click();
    await page.getByText(`已保存：${household}`).waitFor();
  }

  it("works a day offline from the register, with a new door and a revisit, then syncs", async () => {
    const browser = await launchBrowser(TABLET);
    try {
      const { context } = browser;
      const { page, errors } = await newPage(context);
      await login(page);
      const doors = page.getByRole("list", { name: "门户名册" });
      await expect.poll(() => doors.getByRole("button").count()).toBe(3);
      await context.setOffline(true);

      // Only the doors given to me, then the one door.
      await page.getByLabel("只看分配给我的").check();
      await expect.poll(() => doors.getByRole("button").count()).toBe(1);
      await doors.getByRole("button", { name: /3栋2单元301/ }).click();
      await page.getByText("已选门户：3栋2单元301").waitFor();
      expect(await page.locator('input[name="household"]').inputValue()).toBe("3栋2单元301");
      await record(page, "3栋2单元301", "不在家");

      // Back on 待回访 with the time of the last try and another time of day.
      const revisits = page.getByRole("region", { name: /待回访/ });
      await expect.poll(() => revisits.textContent()).toMatch(/3栋2单元301 · 不在家 1\/3 次 · 上次 .+ · 建议.+再访/);
      await page.screenshot({ path: resultPath("register-revisit.png") });

      // A door nobody listed: registered as found in the field, with its visit.
      await page.locator('input[name="household"]').fill("9栋1单元101");
      await page.getByRole("button", { name: "登记为新门户" }).click();
      await page.getByText("已选门户：9栋1单元101（现场新增）").waitFor();
      await record(page, "9栋1单元101", "拒访");

      // The revisit, still offline.
      await revisits.getByRole("button", { name: "去回访" }).click();
      await page.getByText("已选门户：3栋2单元301").waitFor();
      await record(page, "3栋2单元301", "不在家");
      await expect.poll(() => revisits.textContent()).toMatch(/不在家 2\/3 次/);
      await page.screenshot({ path: resultPath("register-offline-day.png"), fullPage: true });
      expect(await seriousAxeViolations(page)).toEqual([]);

      await context.setOffline(false);
      await page.getByRole("button", { name: "立即同步" }).click();
      const stored = async () =>
        server.server.db.all<{ household: string; outcome: string; register_entry_id: string | null }>(
          sql`select household, outcome, register_entry_id from visits where interviewer = 'door' order by visited_at`,
        );
      await expect.poll(async () => (await stored()).length, { timeout: 60_000 }).toBe(3);
      const rows = await stored();
      expect(rows.every((r) => r.register_entry_id)).toBe(true);
      expect(rows[0]!.register_entry_id).toBe(rows[2]!.register_entry_id);
      const entries = await server.server.db.all<{ label: string; source: string; created_by: string }>(
        sql`select label, source, created_by from register_entries where unit_code = ${COMMUNITY} order by label`,
      );
      expect(entries).toContainEqual({ label: "9栋1单元101", source: "field", created_by: "door" });
      expect(entries).toHaveLength(4);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 180_000);

  it("shows the office coverage and AAPOR rates against the register, and imports more doors with a preview", async () => {
    const browser = await launchBrowser({ ...TABLET, viewport: { width: 1280, height: 900 } });
    try {
      const { page, errors } = await newPage(browser.context);
      await page.goto(`${server.url}/login?next=/dashboard/field`);
      await page.locator('input[name="username"]').fill("zuzhang");
      await page.locator('input[name="password"]').fill(PASSWORD);
      await page.getByRole("button", { name: "登录" }).click();
      await page.waitForURL(/\/dashboard\/field$/);
      const households = page.getByRole("region", { name: "住户（入户宣传）" });
      const row = households.locator("tbody tr", { hasText: "民主社区" });
      await row.waitFor({ timeout: 20_000 });
      // 4 doors (3 imported, 1 found in the field), 2 visited: 301 twice (one door) and the new door.
      // I = 0, R = 1 (the new door), NC = 1 (301, open), UH = 2: RR1 0, COOP1 0, REF1 1/4.
      const cells = async () => (await row.locator("td").allTextContents()).slice(1);
      expect(await cells()).toEqual(["4", "2", "50.0%", "1", "0.0%", "0.0%", "25.0%", "3"]);

      await page.getByText("导入住户和商铺名册（CSV / XLSX）").click();
      const file = ["unit_code,kind,building,unit,room", `${COMMUNITY},household,6,1,101`, `${COMMUNITY},household,3,2,302`].join("\n");
      await page.locator('input[name="register"]').setInputFiles({ name: "名册.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
      await page.getByRole("button", { name: "预览" }).click();
      await expect.poll(() => page.getByTestId("register-import-summary").textContent()).toBe("共 2 行：新增 1 户，变更 0 户，不变 1 户");
      await page.getByRole("button", { name: "导入", exact: true }).click();
      await page.getByText("已导入：新增 1 户，变更 0 户，不变 1 户").waitFor();
      await expect.poll(cells).toEqual(["5", "2", "40.0%", "1", "0.0%", "0.0%", "20.0%", "3"]);
      await page.screenshot({ path: resultPath("register-coverage.png"), fullPage: true });
      expect(await seriousAxeViolations(page, ".register-coverage")).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
