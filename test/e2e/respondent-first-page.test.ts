/**
 * Issue 18: the poster page shows its first question from the HTML alone. In real Chromium on a
 * WeChat phone, with the page's scripts held back: the person answers the server-rendered first
 * page before any script runs, React takes over showing the same answer, SurveyJS arrives and
 * starts from it, and the submission carries it. A repeat visit gets its scripts from the
 * respondent service worker. axe stays clean on the page before and after the scripts.
 */
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page, Request } from "playwright-core";
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
  resultPath,
  startTestServer,
  type ApiSession,
  type TestServer,
} from "./harness";

const canRun = requireChromium();
const THANKS = "感谢您的参与！";

/** A gate a route handler waits on until the test opens it. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((done) => (open = done));
  return { opened, open };
}

/** The page's elements in order: tag, classes, type, name, checked, own text (the markup's shape). */
function shapeOf(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll(".respondent *")].map((el) => {
      const input = el instanceof HTMLInputElement ? `${el.type}:${el.name}:${el.value}:${el.checked}` : "";
      const text = [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent?.trim())
        .join("");
      return `${el.tagName} .${el.className} ${input} ${text}`;
    }),
  );
}

describe.skipIf(!canRun)("respondent page: first question before the scripts (issue 18)", () => {
  let server: TestServer;
  let admin: ApiSession;
  let communities: Awaited<ReturnType<typeof findCommunities>>;

  beforeAll(async () => {
    mkdirSync(resultPath(""), { recursive: true });
    server = await startTestServer();
    admin = apiSession(server.url);
    const login = await admin.post<{ user: { scope: string } }>("/api/v1/auth/login", {
      username: "admin",
      password: server.adminPassword,
    });
    communities = await findCommunities(admin, login.body.user.scope, 2);
  });
  afterAll(async () => {
    await server?.close();
  });

  async function poster(unitCode: string): Promise<{ url: string; token: string }> {
    const created = await admin.post<{ url: string; token: string }>("/api/v1/posters", { unitCode, surveyId: "resident" });
    expect(created.status).toBe(201);
    return created.body;
  }

  it("takes an answer before any script, keeps it through React and SurveyJS, and submits it", async () => {
    const { url, token } = await poster(communities[0]!.code);
    const html = await (await fetch(url)).text();
    const entryFiles = new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]));
    expect(entryFiles.size).toBeGreaterThan(0);
    const browser = await launchBrowser(PHONE);
    try {
      const { page, errors } = await newPage(browser.context);
      const entry = gate();
      const lazy = gate();
      const heldLazy: string[] = [];
      await page.route("**/assets/*.js", async (route) => {
        const file = new URL(route.request().url()).pathname;
        if (entryFiles.has(file)) await entry.opened;
        else {
          heldLazy.push(file);
          await lazy.opened;
        }
        await route.continue();
      });
      const requests: string[] = [];
      page.on("request", (r: Request) => requests.push(`${r.method()} ${new URL(r.url()).pathname}`));
      const sent: { body: string; status: number }[] = [];
      page.on("response", (res) => {
        const r = res.request();
        if (r.method() === "POST" && r.url().endsWith("/api/v1/responses")) sent.push({ body: r.postData() ?? "", status: res.status() });
      });

      // No script has run: the server's HTML alone shows the unit, the notice and the first question.
      await page.goto(url, { waitUntil: "commit" });
      const title = page.locator(".first-page__title").first();
      await title.waitFor();
      expect(await title.innerText()).toContain("您的年龄是？");
      expect(await page.getByRole("heading", { name: "大渡口区" }).count()).toBe(1);
      expect(await page.getByTestId("privacy-notice").isVisible()).toBe(true);
      expect(await page.locator(".sd-question").count()).toBe(0);
      expect(await page.evaluate(() => document.querySelector("#root")?.hasAttribute("data-reactroot") ?? false)).toBe(false);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByLabel("30–39岁").check();
      await page.screenshot({ path: resultPath("respondent-first-page-no-script.png") });
      const serverShape = await shapeOf(page);
      expect(serverShape.filter((e) => e.startsWith("INPUT"))).toHaveLength(6);
      const serverTitleBox = await title.boundingBox();

      // React takes over: the same form, still ticked, and the answer is in the draft.
      entry.open();
      await expect.poll(async () => (await draftOf(page, token))?.data, { timeout: 30_000 }).toEqual({ age_band: "30_39" });
      expect(await page.getByLabel("30–39岁").isChecked()).toBe(true);
      // React's form is the server's, element for element, and nothing moved.
      expect(await shapeOf(page)).toEqual(serverShape);
      expect(await title.boundingBox()).toEqual(serverTitleBox);
      // Changed on React's light page: the draft follows.
      await page.getByLabel("40–49岁").check();
      await expect.poll(async () => (await draftOf(page, token))?.data).toEqual({ age_band: "40_49" });
      expect(await page.locator(".sd-question").count()).toBe(0);
      expect(heldLazy.length).toBeGreaterThan(0);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: resultPath("respondent-first-page-react.png") });

      // SurveyJS arrives and starts from that answer.
      lazy.open();
      const age = page.locator('.sd-question[data-name="age_band"]');
      await age.waitFor();
      expect(await age.locator("input[type=radio]:checked").getAttribute("value")).toBe("40_49");
      expect(await page.locator(".first-page").count()).toBe(0);
      await page.screenshot({ path: resultPath("respondent-first-page-surveyjs.png") });
      // The questionnaire came with the page: the page never asked the API for it.
      expect(requests.filter((r) => r.startsWith("GET /api/v1/q/"))).toEqual([]);

      for (let i = 0; i < 20 && !(await page.getByText(THANKS).isVisible()); i++) {
        await answerCurrentPage(page);
        if ((await nextOrComplete(page)) === "complete") break;
      }
      await page.getByText(THANKS).waitFor();
      expect(sent.map((s) => s.status)).toEqual([201]);
      expect(JSON.parse(sent[0]!.body)).toMatchObject({ token, answers: { age_band: "40_49" } });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("gets its scripts from the service worker on a repeat visit, and shows the first question offline", async () => {
    const { url } = await poster(communities[1]!.code);
    const browser = await launchBrowser(PHONE);
    try {
      const { page, errors } = await newPage(browser.context);
      await page.goto(url);
      await page.locator(".sd-page .sd-question").first().waitFor();
      // The worker controls the page and has been asked to keep what it loaded.
      await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 30_000 });
      await expect
        .poll(() => page.evaluate(async () => (await caches.open("cw-respondent-v1").then((c) => c.keys())).length), { timeout: 30_000 })
        .toBeGreaterThan(2);

      // The page's own request starts in parallel with the worker's start (navigation preload).
      expect(await page.evaluate(async () => (await (await navigator.serviceWorker.ready).navigationPreload?.getState())?.enabled)).toBe(
        true,
      );
      const fromWorker = new Map<string, boolean>();
      page.on("response", (res) => {
        const path = new URL(res.url()).pathname;
        if (path.startsWith("/assets/") && path.endsWith(".js")) fromWorker.set(path, res.fromServiceWorker());
      });
      await page.reload();
      await page.locator(".sd-page .sd-question").first().waitFor();
      expect(fromWorker.size).toBeGreaterThan(1);
      expect([...fromWorker.values()].every(Boolean)).toBe(true);

      // No signal: the worker's copy of the page, with its inline questionnaire, still shows it.
      await browser.context.setOffline(true);
      await page.reload();
      await page.locator(".first-page__title, .sd-question__title").first().waitFor();
      await page.locator(".sd-page .sd-question").first().waitFor();
      await browser.context.setOffline(false);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
