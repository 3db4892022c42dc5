/**
 * The respondent page in real Chromium on a 375x667 "phone", against the real Node server on a
 * fresh database: scan (open the poster URL), answer, reload midway, finish, thank-you; lose the
 * signal at the last step and get it back; a refused answer sends the person back to fix it.
 */
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page, Request } from "playwright-core";
import {
  answerCurrentPage,
  apiSession,
  cjkFontsAvailable,
  draftOf,
  findCommunities,
  launchBrowser,
  newPage,
  nextOrComplete,
  PHONE,
  requireChromium,
  resultPath,
  startTestServer,
  visibleQuestionNames,
  type ApiSession,
  type TestServer,
} from "./harness";

const canRun = requireChromium();

interface Poster {
  id: string;
  token: string;
  url: string;
}
interface Questionnaire {
  unit: { code: string; name: string; fullName?: string };
  survey: { id: string; version: number; json: { pages: { elements: { title?: string }[] }[] } };
}
interface Rates {
  metrics: Record<string, { respondents: number }>;
}

const THANKS = "感谢您的参与！";
const OFFLINE = "暂时没有网络，您的答案已保存在这部手机上";

describe.skipIf(!canRun)("respondent page in Chromium (375x667)", () => {
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
    expect(login.status).toBe(200);
    communities = await findCommunities(admin, login.body.user.scope, 4);
  });

  afterAll(async () => {
    await server?.close();
  });

  async function posterFor(unitCode: string): Promise<Poster & { questionnaire: Questionnaire }> {
    const created = await admin.post<Poster>("/api/v1/posters", { unitCode, surveyId: "resident" });
    expect(created.status).toBe(201);
    const q = await admin.get<Questionnaire>(`/api/v1/q/${created.body.token}`);
    expect(q.status).toBe(200);
    return { ...created.body, questionnaire: q.body };
  }

  /** Responses stored for a unit on the QR channel (largest respondent count over the metrics). */
  async function storedFor(unitCode: string, includeFlagged = false): Promise<number> {
    const res = await admin.get<Rates>(`/api/v1/rates?unit=${unitCode}&channel=qr${includeFlagged ? "&includeFlagged=1" : ""}`);
    expect(res.status).toBe(200);
    return Math.max(0, ...Object.values(res.body.metrics).map((m) => m.respondents));
  }

  /** Every POST /api/v1/responses the page makes, with the status it got (0 = never answered). */
  function watchSubmissions(page: Page) {
    const sent: { body: string; status: number }[] = [];
    const isSubmit = (r: Request) => r.method() === "POST" && r.url().endsWith("/api/v1/responses");
    // "response" fires on the headers, before the page can act on the body, so no race.
    page.on("response", (res) => {
      if (isSubmit(res.request())) sent.push({ body: res.request().postData() ?? "", status: res.status() });
    });
    page.on("requestfailed", (r) => {
      if (isSubmit(r)) sent.push({ body: r.postData() ?? "", status: 0 });
    });
    return sent;
  }

  async function finishSurvey(page: Page, beforeComplete?: () => Promise<void>) {
    for (let i = 0; i < 20; i++) {
      await answerCurrentPage(page);
      if (await page.locator(".sd-navigation__complete-btn").isVisible()) {
        await beforeComplete?.();
        await nextOrComplete(page);
        return;
      }
      await nextOrComplete(page);
    }
    throw new Error("never reached the last page");
  }

  it("shows the unit, keeps answers through a reload, submits once and thanks", async () => {
    expect(cjkFontsAvailable(), "CJK fonts missing: apt-get install -y fonts-noto-cjk").toBe(true);
    const [home, sibling] = communities;
    const poster = await posterFor(home!.code);
    const unitName = poster.questionnaire.unit.fullName ?? poster.questionnaire.unit.name;
    const firstTitle = poster.questionnaire.survey.json.pages[0]!.elements[0]!.title!;
    const browser = await launchBrowser(PHONE);
    try {
      const { page, errors } = await newPage(browser.context);
      const sent = watchSubmissions(page);
      await page.goto(poster.url);
      await page.getByText(firstTitle).waitFor();
      const text = await page.locator("body").innerText();
      expect(text).toContain(unitName);
      expect(await page.title()).toContain(unitName);
      await page.screenshot({ path: resultPath("respondent.png") });

      // Page 1, then part of page 2; the draft follows every answer.
      await answerCurrentPage(page);
      await nextOrComplete(page);
      const page2 = await visibleQuestionNames(page);
      const answered = await answerCurrentPage(page);
      expect(answered.length).toBeGreaterThan(0);
      const before = await draftOf(page, poster.token);
      expect(before).toMatchObject({ status: "filling", pageNo: 1 });
      expect(before!.startedAt).toEqual(expect.any(String));

      await page.reload();
      await page.getByText("已恢复您上次填写的内容").waitFor();
      await page.locator(".sd-page .sd-question").first().waitFor();
      expect(await visibleQuestionNames(page)).toEqual(page2);
      expect(await page.locator(".sd-page input[type=radio]:checked").count()).toBe(answered.length);
      const after = await draftOf(page, poster.token);
      expect(after!.responseId).toBe(before!.responseId);
      expect(after!.startedAt).toBe(before!.startedAt);

      await finishSurvey(page);
      await page.getByText(THANKS).waitFor();
      await page.screenshot({ path: resultPath("respondent-thanks.png") });
      expect(await draftOf(page, poster.token)).toMatchObject({ status: "submitted", data: {} });

      // A refresh keeps the thank-you instead of a new questionnaire.
      await page.reload();
      await page.getByText(THANKS).waitFor();
      expect(await page.locator(".sd-question").count()).toBe(0);
      expect(await page.locator("body").innerText()).toContain(unitName);
      expect(errors).toEqual([]);

      // Stored once, for this community only, not flagged; the same content again is a duplicate.
      expect(sent.map((s) => s.status)).toEqual([201]);
      const payload = JSON.parse(sent[0]!.body) as Record<string, unknown>;
      expect(payload).toMatchObject({ id: before!.responseId, channel: "qr", token: poster.token, surveyId: "resident" });
      const again = await admin.post<{ status: string }>("/api/v1/responses", payload);
      expect(again).toMatchObject({ status: 200, body: { status: "duplicate" } });
      expect(await storedFor(home!.code)).toBe(1);
      expect(await storedFor(sibling!.code, true)).toBe(0);
    } finally {
      await browser.close();
    }
  });

  it("keeps the answers when the signal drops at 提交 and sends them once it is back", async () => {
    const unit = communities[1]!;
    const poster = await posterFor(unit.code);
    const browser = await launchBrowser(PHONE);
    try {
      const { page, errors } = await newPage(browser.context);
      const sent = watchSubmissions(page);
      await page.goto(poster.url);
      await page.locator(".sd-page .sd-question").first().waitFor();
      await finishSurvey(page, () => browser.context.setOffline(true));

      await page.getByText(OFFLINE).waitFor();
      await page.getByText(/\d+ 秒后自动重试/).waitFor();
      await page.getByRole("button", { name: "立即重试" }).waitFor();
      const pending = await draftOf(page, poster.token);
      expect(pending).toMatchObject({ status: "pending" });
      expect(Object.keys(pending!.data as object).length).toBeGreaterThan(5);
      // Let at least one automatic retry fail too.
      await page.waitForTimeout(2_500);
      await page.screenshot({ path: resultPath("respondent-offline.png") });
      expect(await page.getByText(OFFLINE).isVisible()).toBe(true);

      await browser.context.setOffline(false);
      await page.getByText(THANKS).waitFor({ timeout: 30_000 });
      expect(errors).toEqual([]);

      const answered = sent.filter((s) => s.status !== 0);
      expect(sent.length).toBeGreaterThanOrEqual(2);
      expect(answered.map((s) => s.status)).toEqual([201]);
      // Every attempt carried the very same response.
      expect(new Set(sent.map((s) => s.body)).size).toBe(1);
      expect(await storedFor(unit.code, true)).toBe(1);
    } finally {
      await browser.close();
    }
  });

  it("sends the person back to the question the server refused, then accepts the fix", async () => {
    const unit = communities[2]!;
    const poster = await posterFor(unit.code);
    const browser = await launchBrowser(PHONE);
    try {
      const { page, errors } = await newPage(browser.context);
      const sent = watchSubmissions(page);
      await page.goto(poster.url);
      await page.locator(".sd-page .sd-question").first().waitFor();
      // Fill everything up to the last page, then make one stored answer something the survey
      // does not offer (as a stale draft or a tampered phone would) and reload.
      await finishSurvey(page, async () => {
        const draft = await draftOf(page, poster.token);
        const data = draft!.data as Record<string, unknown>;
        const victim = Object.keys(data).find((k) => k.startsWith("sat_")) ?? Object.keys(data)[0]!;
        await page.evaluate(
          ([t, name]) => {
            const d = JSON.parse(localStorage.getItem(`cw-draft:${t}`)!);
            d.data[name] = "no_such_choice";
            localStorage.setItem(`cw-draft:${t}`, JSON.stringify(d));
          },
          [poster.token, victim] as const,
        );
        await page.reload();
        await page.locator(".sd-navigation__complete-btn").waitFor();
        await answerCurrentPage(page);
      });

      await page.getByText("有几处答案需要修改").waitFor();
      expect(sent.map((s) => s.status)).toEqual([422]);
      expect(await draftOf(page, poster.token)).toMatchObject({ status: "filling" });
      await page.screenshot({ path: resultPath("respondent-invalid.png") });

      await finishSurvey(page);
      await page.getByText(THANKS).waitFor();
      expect(sent.map((s) => s.status)).toEqual([422, 201]);
      const ids = new Set(sent.map((s) => (JSON.parse(s.body) as { id: string }).id));
      expect(ids.size).toBe(1);
      expect(errors).toEqual([]);
      expect(await storedFor(unit.code, true)).toBe(1);
    } finally {
      await browser.close();
    }
  });

  it("paints the page shell with the unit name before the SurveyJS chunk arrives", async () => {
    const poster = await posterFor(communities[3]!.code);
    const unitName = poster.questionnaire.unit.fullName ?? poster.questionnaire.unit.name;
    const html = await (await fetch(poster.url)).text();
    const entryFiles = new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]));
    const browser = await launchBrowser(PHONE);
    try {
      const { page } = await newPage(browser.context);
      let release!: () => void;
      const held = new Promise<void>((done) => (release = done));
      const lazyRequested: string[] = [];
      // Hold every script the entry does not name: the lazily loaded chunks.
      await page.route("**/assets/*.js", async (route) => {
        const file = new URL(route.request().url()).pathname;
        if (!entryFiles.has(file)) {
          lazyRequested.push(file);
          await held;
        }
        await route.continue();
      });
      await page.goto(poster.url, { waitUntil: "domcontentloaded" });
      await page.getByRole("heading", { name: unitName }).waitFor();
      await page.getByText("正在加载题目…").waitFor();
      expect(lazyRequested.length).toBeGreaterThan(0);
      expect(await page.locator(".sd-question").count()).toBe(0);
      release();
      await page.locator(".sd-page .sd-question").first().waitFor();
    } finally {
      await browser.close();
    }
  });

  it("says plainly when a QR code is not valid", async () => {
    const browser = await launchBrowser(PHONE);
    try {
      const { page } = await newPage(browser.context);
      await page.goto(`${server.url}/q/not-a-real-token`);
      await page.getByText("二维码无效或已过期").waitFor();
    } finally {
      await browser.close();
    }
  });
});
