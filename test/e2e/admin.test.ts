/**
 * Administration in real Chromium against the real Node server: an admin imports a CSV (a new
 * subdistrict with three communities), creates posters for that subdistrict, opens one A4 poster
 * page (screenshot in test-results/), then a resident "scans" its link on a phone and answers;
 * the response lands in that community. Any Content-Security-Policy violation on /login,
 * /dashboard, /admin or /q/:token fails the test.
 */
import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pickUnit } from "./unit-picker-driver";
import {
  answerCurrentPage,
  apiSession,
  launchBrowser,
  newPage,
  nextOrComplete,
  PHONE,
  requireChromium,
  resultPath,
  startTestServer,
  type TestServer,
} from "./harness";

const canRun = requireChromium();

const SUBDISTRICT = "500104006000";
const CSV = [
  "code,name,kind,parent_code,households,population,target_n",
  `${SUBDISTRICT},八桥镇,subdistrict,500104000000,,,`,
  "500104006001,八桥社区,community,500104006000,1800,4600,80",
  "500104006002,胜利社区,community,500104006000,1500,3900,80",
  "500104006201,胜天村,community,500104006000,900,2300,40",
].join("\n");

/** CSP violations as the browser reports them (console and the securitypolicyviolation event). */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
  });
  void page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`Refused to load (CSP) ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return violations;
}

describe.skipIf(!canRun)("administration in Chromium", () => {
  let server: TestServer;

  beforeAll(async () => {
    mkdirSync(resultPath(""), { recursive: true });
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("imports a CSV, prints posters for a subdistrict, and a resident's answers land in that community", async () => {
    const desktop = await launchBrowser({ viewport: { width: 1280, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    let posterUrl = "";
    let posterUnit = "";
    try {
      const { page, errors } = await newPage(desktop.context);
      const csp = watchCsp(page);

      const loginPage = await page.goto(`${server.url}/login`);
      expect(loginPage!.headers()["content-security-policy"]).toContain("script-src 'self'");
      // The watcher itself works: an injected inline script is refused and reported.
      await page.evaluate(() => {
        const s = document.createElement("script");
        s.textContent = "window.__inline = 1";
        document.body.appendChild(s);
      });
      await expect.poll(() => csp.length).toBeGreaterThan(0);
      expect(await page.evaluate(() => (window as unknown as { __inline?: number }).__inline)).toBeUndefined();
      csp.length = 0;
      await page.locator('input[name="username"]').fill("admin");
      await page.locator('input[name="password"]').fill(server.adminPassword);
      await page.locator('button[type="submit"]').click();
      await page.waitForURL(/\/dashboard/);
      await page.locator(".shell-header").waitFor();

      // 1. Import: preview shows 4 additions and no errors, then the import writes them.
      await page.goto(`${server.url}/admin/units`);
      await page
        .locator('input[type="file"][name="hierarchy"]')
        .setInputFiles({ name: "八桥镇.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
      await page.getByRole("button", { name: "预览" }).click();
      await expect.poll(() => page.getByTestId("import-summary").innerText()).toContain("新增 4，修改 0");
      await page.getByRole("button", { name: "确认导入" }).click();
      await page.getByText("导入完成：新增 4，修改 0，不变 0").waitFor();

      // 2. Posters for every community of the new subdistrict.
      await page.goto(`${server.url}/admin/posters`);
      await page.locator('select[name="survey"]').selectOption("resident");
      await pickUnit(page, page.getByRole("combobox", { name: "单位", exact: true }), SUBDISTRICT, SUBDISTRICT);
      await page.getByRole("button", { name: "为该街道下所有社区生成海报" }).click();
      await page.getByText("已生成 3 张海报").waitFor();
      const rows = page.locator("tr[data-poster]");
      await expect.poll(() => rows.count()).toBe(3);

      // PNG downloads: the server's PNG on Node, and the SVG drawn on a canvas when the runtime
      // cannot make PNG (Workers answer 501), simulated here by intercepting the request.
      const pngMagic = async (download: import("playwright-core").Download) => {
        const { readFileSync } = await import("node:fs");
        return [...readFileSync((await download.path())!).subarray(0, 4)];
      };
      const [serverPng] = await Promise.all([page.waitForEvent("download"), rows.first().getByRole("button", { name: "PNG" }).click()]);
      expect(serverPng.suggestedFilename()).toMatch(/^poster-.+\.png$/);
      expect(await pngMagic(serverPng)).toEqual([0x89, 0x50, 0x4e, 0x47]);
      await page.route("**/qr.png", (route) =>
        route.fulfill({
          status: 501,
          contentType: "application/json",
          body: JSON.stringify({ error: { code: "png_unavailable", message: "x" } }),
        }),
      );
      const [canvasPng] = await Promise.all([page.waitForEvent("download"), rows.nth(1).getByRole("button", { name: "PNG" }).click()]);
      expect(await pngMagic(canvasPng)).toEqual([0x89, 0x50, 0x4e, 0x47]);
      await page.unroute("**/qr.png");

      // The batch print view: three A4 sheets.
      await page.getByRole("link", { name: "打印这 3 张（每页一张）" }).first().click();
      await expect.poll(() => page.locator(".poster-sheet").count()).toBe(3);

      // 3. One poster page: title, unit, QR (loaded), instruction, poster id.
      const firstId = await page.locator(".poster-sheet").first().getAttribute("data-poster");
      await page.goto(`${server.url}/admin/posters/${firstId}`);
      const sheet = page.locator(".poster-sheet");
      await sheet.waitFor();
      await page.waitForFunction(() => {
        const img = document.querySelector<HTMLImageElement>(".poster-sheet__qr");
        return !!img && img.complete && img.naturalWidth > 0;
      });
      const text = await sheet.innerText();
      expect(text).toContain("八桥镇");
      expect(text).toContain("扫描二维码");
      expect(text).toContain(`海报编号：${firstId}`);
      await sheet.screenshot({ path: resultPath("admin-poster.png") });
      posterUrl = (await page.locator(".poster-sheet__url").innerText()).trim();
      posterUnit = (await page.locator(".poster-sheet__unit").innerText()).trim();
      expect(posterUrl).toMatch(/\/q\/[A-Za-z0-9_.-]+$/);

      // Downloads are served: SVG and PNG.
      const svg = await page.request.get(`${server.url}/api/v1/posters/${firstId}/qr.svg`);
      expect(svg.headers()["content-type"]).toContain("image/svg+xml");
      const png = await page.request.get(`${server.url}/api/v1/posters/${firstId}/qr.png`);
      expect(png.headers()["content-type"]).toBe("image/png");

      // The other admin pages render under the CSP too.
      for (const section of ["users", "surveys", "flagged", "thresholds", "audit"]) {
        await page.goto(`${server.url}/admin/${section}`);
        await page.locator(".admin-panel").first().waitFor();
      }
      await page.getByText("导入单位").first().waitFor();

      // Thresholds per unit: 大渡口区 sets its own 知晓率 line; its subdistrict shows it as inherited.
      await page.goto(`${server.url}/admin/thresholds`);
      await page.getByTestId("thresholds-form").waitFor();
      expect(await page.getByTestId("thresholds-form").innerText()).toContain("系统默认");
      await pickUnit(page, page.getByRole("combobox", { name: "单位", exact: true }), "大渡口", "500104000000");
      await page.getByRole("button", { name: "查看" }).click();
      await page.getByText("大渡口区（500104000000）的达标线").waitFor();
      await page.getByTestId("thresholds-form").locator('input[name="awareness"]').fill("50");
      await page.getByTestId("thresholds-form").getByRole("button", { name: "保存" }).click();
      await page.getByRole("status").getByText("已保存").waitFor();
      await pickUnit(page, page.getByRole("combobox", { name: "单位", exact: true }), "八桥镇", SUBDISTRICT);
      await page.getByRole("button", { name: "查看" }).click();
      await page.getByText(`八桥镇（${SUBDISTRICT}）的达标线`).waitFor();
      const row = page.getByTestId("thresholds-form").locator("tr", { hasText: "知晓率" });
      expect(await row.innerText()).toContain("50%");
      expect(await row.innerText()).toContain("沿用 大渡口区");
      await page.goto(`${server.url}/dashboard`);
      await page.locator(".shell-header").waitFor();
      await page.waitForLoadState("networkidle");
      expect(errors).toEqual([]);
      expect(csp).toEqual([]);
    } finally {
      await desktop.close();
    }

    // 4. A resident scans the poster on a phone and answers.
    const phone = await launchBrowser(PHONE);
    try {
      const { page, errors } = await newPage(phone.context);
      const csp = watchCsp(page);
      await page.goto(posterUrl);
      await page.locator(".sd-question").first().waitFor();
      expect(await page.locator("body").innerText()).toContain(posterUnit.split(" ").at(-1)!);
      for (let i = 0; i < 20; i++) {
        await answerCurrentPage(page);
        if ((await nextOrComplete(page)) === "complete") break;
      }
      await page.getByText("感谢您的参与！").waitFor();
      await page.screenshot({ path: resultPath("admin-poster-answered.png") });
      expect(errors).toEqual([]);
      expect(csp).toEqual([]);
    } finally {
      await phone.close();
    }

    // 5. The response is stored for the poster's community, counted on the QR channel.
    const api = apiSession(server.url);
    expect((await api.post("/api/v1/auth/login", { username: "admin", password: server.adminPassword })).status).toBe(200);
    const token = posterUrl.split("/q/")[1]!;
    const q = await api.get<{ unit: { code: string } }>(`/api/v1/q/${token}`);
    expect(q.body.unit.code).toMatch(/^500104006\d{3}$/);
    const rates = await api.get<{ metrics: Record<string, { respondents: number }> }>(`/api/v1/rates?unit=${q.body.unit.code}&channel=qr`);
    expect(Math.max(...Object.values(rates.body.metrics).map((m) => m.respondents))).toBe(1);
    const sub = await api.get<{ children: { unit: { code: string }; metrics: Record<string, { respondents: number }> }[] }>(
      `/api/v1/rates?unit=${SUBDISTRICT}`,
    );
    const counted = sub.body.children
      .filter((ch) => Math.max(...Object.values(ch.metrics).map((m) => m.respondents)) > 0)
      .map((ch) => ch.unit.code);
    expect(counted).toEqual([q.body.unit.code]);
  });
});
