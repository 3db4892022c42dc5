/**
 * Stored text is shown escaped (issue 8, item 3): unit names imported by an admin and a
 * respondent's free-text suggestion carry XSS payloads; the dashboard (unit heading, ranking
 * table) and the admin pages (flag review with the answers, audit log) show them as text. No
 * dialog opens, no element from a payload appears in the DOM, no payload script runs - checked
 * by DOM inspection, not only by the CSP (which would block inline handlers anyway).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { eligibleAnswers } from "../helpers/fixtures";
import { launchBrowser, newPage, requireChromium, startTestServer, type TestServer } from "./harness";

const canRun = requireChromium();

const STREET_NAME = `<img src=x onerror="window.__xss=1;alert('street')">街道`;
const COMMUNITY_NAME = `"><svg onload=alert('community')><script>window.__xss=2</script>社区`;
const SUGGESTION = `<script>window.__xss=3;alert('answer')</script><img src=x onerror=alert('answer2')><a href="javascript:alert(4)">点我</a>`;
const STREET = "500104007000";
const COMMUNITY = "500104007001";

async function injected(page: Page) {
  return page.evaluate(() => ({
    // Elements a payload would create if it were parsed as HTML.
    elements: document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload], a[href^="javascript:"]').length,
    scripts: [...document.querySelectorAll("script")].filter((s) => /__xss|alert\(/.test(s.textContent ?? "")).length,
    ran: (window as unknown as { __xss?: number }).__xss ?? null,
  }));
}

describe.skipIf(!canRun)("stored XSS payloads are shown as text", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("in the dashboard and the admin pages", async () => {
    const url = server.url;
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: url },
      body: JSON.stringify({ username: "admin", password: server.adminPassword }),
    });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
    const csv = [
      "code,name,kind,parent_code,households,population,target_n",
      `${STREET},"${STREET_NAME.replaceAll('"', '""')}",subdistrict,500104000000,,,`,
      `${COMMUNITY},"${COMMUNITY_NAME.replaceAll('"', '""')}",community,${STREET},1000,3000,60`,
    ].join("\n");
    const imported = await fetch(`${url}/api/v1/units/import`, {
      method: "POST",
      headers: { "content-type": "text/csv", origin: url, cookie },
      body: csv,
    });
    expect(imported.status, await imported.clone().text()).toBe(200);
    const poster = await fetch(`${url}/api/v1/posters`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: url, cookie },
      body: JSON.stringify({ unitCode: COMMUNITY, surveyId: "resident" }),
    });
    const { token } = (await poster.json()) as { token: string };
    // Two answers from one phone: the second is flagged same_device and shown in the flag review.
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${url}/api/v1/responses`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          id: crypto.randomUUID(),
          surveyId: "resident",
          surveyVersion: 1,
          channel: "qr",
          token,
          answers: { ...eligibleAnswers("resident"), suggestions: SUGGESTION },
          startedAt: new Date(Date.now() - 600_000).toISOString(),
          completedAt: new Date().toISOString(),
          deviceId: "xss-phone",
        }),
      });
      expect(res.status, await res.clone().text()).toBe(201);
    }

    const desktop = await launchBrowser({ viewport: { width: 1280, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    try {
      const { page, errors } = await newPage(desktop.context);
      const dialogs: string[] = [];
      page.on("dialog", (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(`${url}/login`);
      await page.locator('input[name="username"]').fill("admin");
      await page.locator('input[name="password"]').fill(server.adminPassword);
      await page.locator('button[type="submit"]').click();
      await page.waitForURL(/\/dashboard/);

      // The district's ranking lists the new street by its (hostile) name.
      await page.goto(`${url}/dashboard?unit=500104000000`);
      await page.getByText(STREET_NAME).first().waitFor();
      expect(await injected(page)).toEqual({ elements: 0, scripts: 0, ran: null });

      // The street itself: its name as the heading, its community in the ranking.
      await page.goto(`${url}/dashboard?unit=${STREET}`);
      await expect.poll(() => page.getByTestId("unit-name").innerText()).toBe(STREET_NAME);
      await page.getByText(COMMUNITY_NAME).first().waitFor();
      expect(await injected(page)).toEqual({ elements: 0, scripts: 0, ran: null });

      // Flag review: the answers with the suggestion, as text.
      await page.goto(`${url}/admin/flagged`);
      const item = page.locator(".flagged-item").first();
      await item.waitFor();
      await item.locator("summary").click();
      await expect.poll(() => item.locator(".labelled-answers").innerText()).toContain("<script>window.__xss=3");
      expect(await injected(page)).toEqual({ elements: 0, scripts: 0, ran: null });

      // Audit log (the import names the units it touched, or at least shows without injecting).
      await page.goto(`${url}/admin/audit`);
      await page.locator(".admin-table--audit").waitFor();
      expect(await injected(page)).toEqual({ elements: 0, scripts: 0, ran: null });

      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      // The detector itself works: the same payload parsed as HTML is found.
      await page.evaluate((html) => {
        const div = document.createElement("div");
        div.innerHTML = html;
        document.body.append(div);
      }, SUGGESTION);
      expect((await injected(page)).elements).toBeGreaterThan(0);
    } finally {
      await desktop.close();
    }
  });

  it("on the respondent page: the inline questionnaire and the server-rendered first page (issue 18)", async () => {
    const url = server.url;
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: url },
      body: JSON.stringify({ username: "admin", password: server.adminPassword }),
    });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
    const name = `</script><img src=x onerror="window.__xss=5;alert('page')">\u2028<!--社区`;
    const csv = [
      "code,name,kind,parent_code,households,population,target_n",
      `500104001090,"${name.replaceAll('"', '""')}",community,500104001000,800,2000,40`,
    ].join("\n");
    const imported = await fetch(`${url}/api/v1/units/import`, {
      method: "POST",
      headers: { "content-type": "text/csv", origin: url, cookie },
      body: csv,
    });
    expect(imported.status, await imported.clone().text()).toBe(200);
    const poster = await fetch(`${url}/api/v1/posters`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: url, cookie },
      body: JSON.stringify({ unitCode: "500104001090", surveyId: "resident" }),
    });
    const { token } = (await poster.json()) as { token: string };
    const phone = await launchBrowser({ viewport: { width: 375, height: 667 }, locale: "zh-CN", isMobile: true, hasTouch: true });
    try {
      const { page, errors } = await newPage(phone.context);
      const dialogs: string[] = [];
      page.on("dialog", (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      // Scripts held: what the browser made of the server's HTML alone.
      let release!: () => void;
      const held = new Promise<void>((done) => (release = done));
      await page.route("**/assets/*.js", async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${url}/q/${token}`, { waitUntil: "commit" });
      await page.locator(".first-page__title").first().waitFor();
      const serverHtml = await page.evaluate(() => ({
        unit: document.querySelector(".respondent-header__unit")?.textContent ?? "",
        title: document.title,
        data: JSON.parse(document.getElementById("cw-questionnaire")?.textContent ?? "null") as { unit: { name: string } } | null,
        dataBlocks: document.querySelectorAll('script[type="application/json"]').length,
      }));
      expect(serverHtml.unit).toContain(name);
      expect(serverHtml.title).toContain("</script><img");
      expect(serverHtml.data?.unit.name).toBe(name);
      expect(serverHtml.dataBlocks).toBe(1);
      // The data block is the one script that names the payload, as data: none that could run.
      const scripts = await page.evaluate(
        () =>
          [...document.querySelectorAll('script:not([type="application/json"])')].filter((s) => /__xss|alert\(/.test(s.textContent ?? ""))
            .length,
      );
      expect(scripts).toBe(0);
      const elements = await page.evaluate(() => document.querySelectorAll('img[src="x"], [onerror], [onload]').length);
      expect(elements).toBe(0);

      release();
      await page.locator(".sd-page .sd-question").first().waitFor();
      expect(await page.locator(".respondent-header__unit").innerText()).toContain("</script><img");
      expect(await page.evaluate(() => document.querySelectorAll('img[src="x"], [onerror], [onload]').length)).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? null)).toBeNull();
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});
