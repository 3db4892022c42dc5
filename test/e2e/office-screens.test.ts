/**
 * Issue 15, the office and admin screens as their users meet them, in real Chromium: the
 * dashboard on a 375 px phone; 居民 without a school ranking and a plan that compares like with
 * like and agrees with the cards; the bar legend and the weekly n; school posters in school
 * wording with a link that never breaks mid-URL; the unit tree picker by keyboard; axe-core on
 * login, dashboard and admin; the dashboard and admin at 200% zoom.
 */
import type { BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shippedSurveys } from "../../surveys/index";
import { generateAnswers, seededRng } from "../helpers/answer-generator";
import { seriousAxeViolations } from "./axe";
import {
  apiSession,
  launchBrowser,
  newPage,
  PHONE,
  requireChromium,
  resultPath,
  startTestServer,
  type ApiSession,
  type LaunchedBrowser,
  type TestServer,
} from "./harness";
import { pickUnit } from "./unit-picker-driver";

const DISTRICT = "500104000000";
const COMMUNITY = "500104001001";
const OTHER_COMMUNITY = "500104002001";
const SCHOOL = "500104S01";
const OTHER_SCHOOL = "500104S02";
const METRICS = ["awareness", "support", "participation", "satisfaction"] as const;
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" };
/** A 1280×900 window at 200% browser zoom: half as many CSS pixels, each drawn twice as large. */
const ZOOM_200: BrowserContextOptions = { ...DESKTOP, viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 };

function answers(surveyId: string, seed: number, positiveBias: number): Record<string, unknown> {
  const json = shippedSurveys.find((s) => s.id === surveyId)!.json;
  for (let s = seed; ; s += 7919) {
    const a = generateAnswers(json, seededRng(s), { positiveBias, optionalRate: 1 });
    if ("knows_campaign" in a) return a;
  }
}

interface PlanRow {
  unit: { code: string; kind: string };
  target: number | null;
  audienceTarget: number | null;
  holdsAudience: boolean;
  metrics: Record<string, { neededN: number | null; rate: number | null }>;
}

describe.skipIf(!requireChromium())("office and admin screens (issue 15, real Chromium)", () => {
  let server: TestServer;
  let api: ApiSession;
  let browser: LaunchedBrowser;
  const versions: Record<string, number> = {};

  async function send(unitCode: string, surveyId: string, n: number, bias: number, seed: number) {
    for (let i = 0; i < n; i++) {
      const now = new Date().toISOString();
      const res = await api.post("/api/v1/responses", {
        id: crypto.randomUUID(),
        surveyId,
        surveyVersion: versions[surveyId],
        channel: "interview",
        answers: answers(surveyId, seed + i, bias),
        startedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
        completedAt: now,
        deviceId: `screens-${seed + i}`,
        unitCode,
      });
      expect(res.status).toBe(201);
    }
  }

  async function signIn(page: Page, username: string, password: string) {
    await page.goto(`${server.url}/login`);
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill(password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/dashboard/);
  }

  /** The rows of the ranking chart and the funnel drawn: the lazy charts have rendered. */
  const chartsDrawn = (page: Page) => page.locator('[data-testid="ranking-panel"] .chart svg').first().waitFor();

  beforeAll(async () => {
    server = await startTestServer({ QR_RATE_LIMIT: "0", QR_BLOCK_LIMIT: "0" });
    api = apiSession(server.url);
    expect((await api.post("/api/v1/auth/login", { username: "admin", password: server.adminPassword })).status).toBe(200);
    for (const id of ["resident", "parent"]) versions[id] = (await api.get<{ version: number }>(`/api/v1/surveys/${id}`)).body.version;
    await send(COMMUNITY, "resident", 30, 0.85, 1);
    await send(OTHER_COMMUNITY, "resident", 12, 0.95, 1000);
    await send(SCHOOL, "parent", 20, 0.9, 2000);
    await send(OTHER_SCHOOL, "parent", 8, 0.6, 3000);
    const office = { username: "ddk-office", password: "office-password-1", role: "office", scope: DISTRICT };
    expect((await api.post("/api/v1/users", office)).status).toBe(201);
    browser = await launchBrowser(DESKTOP);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("fits a 375 px phone: no sideways scroll, the header on two lines, every button on one", async () => {
    const phone = await launchBrowser(PHONE);
    try {
      const { page, errors } = await newPage(phone.context);
      await signIn(page, "ddk-office", "office-password-1");
      await page.goto(`${server.url}/dashboard?unit=${DISTRICT}`);
      await page.locator('[data-metric="awareness"]').waitFor();
      await chartsDrawn(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      // Brand and navigation share a line, who is signed in and the account links the next: boxes
      // that overlap vertically are one line.
      const rows = await page.evaluate(() => {
        const boxes = [".shell-header__brand", ".shell-nav", ".shell-header__user"]
          .map((s) => document.querySelector(s)!.getBoundingClientRect())
          .sort((a, b) => a.top - b.top);
        let lines = 0;
        let bottom = -1;
        for (const b of boxes) {
          if (b.top >= bottom) lines++;
          bottom = Math.max(bottom, b.bottom);
        }
        return lines;
      });
      expect(rows).toBe(2);
      const wrapped = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>(".shell-header a, .shell-header button, .dash-head .button")]
          .filter((el) => el.getClientRects().length > 0)
          .filter((el) => {
            const range = document.createRange();
            range.selectNodeContents(el);
            return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
          })
          .map((el) => el.textContent),
      );
      expect(wrapped).toEqual([]);
      await page.screenshot({ path: resultPath("office-phone-dashboard.png") });
      expect(errors).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  it("居民: ranks subdistricts only, says plainly that schools have none, plans residents against residents' targets", async () => {
    const { page, errors } = await newPage(browser.context);
    await signIn(page, "admin", server.adminPassword);
    await page.goto(`${server.url}/dashboard?unit=${DISTRICT}&audience=resident`);
    const panel = page.getByTestId("ranking-panel");
    await chartsDrawn(page);
    expect(await panel.locator("h2").textContent()).toBe("街道排名（知晓率）");
    // No 学校 to switch to: schools hold no residents' answers.
    expect(await panel.getByRole("button", { name: "学校" }).count()).toBe(0);
    const rankingRows = page.locator('[data-testid="ranking-table"] tbody tr');
    await expect.poll(() => rankingRows.count()).toBeGreaterThan(0);
    expect(await rankingRows.allTextContents()).not.toContainEqual(expect.stringContaining("小学"));

    // The plan: no school rows, the district's target counts communities only, and each
    // metric's 还需 equals the card's 还需 N (both §7 neededN).
    const plan = page.getByTestId("plan-table");
    await plan.locator("tbody tr").first().waitFor();
    expect(await plan.locator(`tr[data-code="${SCHOOL}"]`).count()).toBe(0);
    const all = (await api.get<PlanRow & { children: PlanRow[] }>(`/api/v1/rates/plan?unit=${DISTRICT}`)).body;
    const schoolTargets = all.children.filter((c) => c.unit.kind === "school").reduce((sum, c) => sum + (c.target ?? 0), 0);
    expect(schoolTargets).toBeGreaterThan(0);
    const total = plan.locator(`tr[data-code="${DISTRICT}"]`);
    expect(await total.locator('[data-field="target"]').textContent()).toBe(String(all.target! - schoolTargets));
    expect(await plan.locator("thead th").nth(1).textContent()).toBe("计划样本（居民）");
    for (const m of METRICS) {
      const card = (await page.locator(`[data-metric="${m}"] [data-field="needed"] strong`).textContent()) ?? "";
      const cell = (await total.locator(`[data-field="needed-${m}"]`).textContent()) ?? "";
      const n = card.match(/还需 (\d+) 份样本/)?.[1];
      if (n) expect(cell).toBe(n);
      else expect(cell).toBe(card.includes("已可判断") ? "已可判定" : "无法判定");
    }
    await page.screenshot({ path: resultPath("office-resident-district.png"), fullPage: true });

    // An old link asking for the school ranking under 居民 gets a sentence, not a list of zeros.
    await page.goto(`${server.url}/dashboard?unit=${DISTRICT}&audience=resident&kind=school`);
    const note = page.getByTestId("kind-no-audience");
    await expect.poll(() => note.textContent()).toContain("学校不开展居民问卷");
    expect(await page.getByTestId("ranking-table").count()).toBe(0);

    // 家长: the schools are ranked (subdistricts hold no parents' answers).
    await page.goto(`${server.url}/dashboard?unit=${DISTRICT}&audience=parent`);
    await chartsDrawn(page);
    expect(await panel.locator("h2").textContent()).toBe("学校排名（知晓率）");
    expect(await page.locator(`[data-testid="ranking-table"] tbody tr`).first().textContent()).toContain("大渡口区实验小学");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("cards end in words, the bar colours have a legend, the trend says each week's n", async () => {
    const { page, errors } = await newPage(browser.context);
    await signIn(page, "admin", server.adminPassword);
    await page.goto(`${server.url}/dashboard?unit=${DISTRICT}`);
    await chartsDrawn(page);
    for (const text of await page.locator(".dash-card").allTextContents()) {
      expect(text.trim().endsWith("·")).toBe(false);
      expect(text).not.toMatch(/·\s*·/);
    }
    const legend = page.getByTestId("bar-legend");
    expect(await legend.locator("li").allTextContents()).toEqual([
      "区间整体高于达标线",
      "区间跨达标线（无法判断）",
      "区间整体低于达标线",
      "淡色：样本不足",
    ]);
    // Each swatch has the colour of the bars of its band.
    const swatch = await legend
      .locator('li[data-band="above"] .dash-legend__swatch')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(swatch).toBe("rgb(26, 127, 55)");

    const trend = await api.get<{ weeks: { week: string; metrics: Record<string, { respondents: number }> }[] }>(
      `/api/v1/rates/trend?unit=${DISTRICT}`,
    );
    const last = trend.body.weeks.at(-1)!;
    const n = Math.max(...METRICS.map((m) => last.metrics[m]!.respondents));
    expect(n).toBeGreaterThan(0);
    expect(await page.getByTestId("trend-n").textContent()).toContain(`${last.week.slice(5)} n=${n}`);
    // The chart's own axis says it too, under the week.
    await expect.poll(() => page.locator(".dash-panel svg text", { hasText: `n=${n}` }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: resultPath("office-dashboard-desktop.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a school poster speaks to parents, names the school once, and its link breaks only after /q/", async () => {
    const { page, errors } = await newPage(browser.context);
    await signIn(page, "admin", server.adminPassword);
    await page.goto(`${server.url}/admin/posters`);
    await page.locator('select[name="survey"]').selectOption("parent");
    await pickUnit(page, page.getByRole("combobox", { name: "单位", exact: true }), "实验小学", SCHOOL);
    await page.getByRole("button", { name: "为该社区/学校生成海报" }).click();
    // The list names the unit beside its code.
    // The demo city seeds a parent poster for this school too (bootstrap.ts), so the list can hold
    // two rows naming it (a CI run saw both); either shows the naming.
    const row = page.locator("tr[data-poster]", { hasText: `大渡口区实验小学（${SCHOOL}）` }).first();
    await row.waitFor();
    // The demo city has posters already: open the one just made, from the note under the form.
    await page.getByRole("status").getByRole("link").click();
    const sheet = page.locator(".poster-sheet");
    await sheet.waitFor();
    expect(await sheet.locator(".poster-sheet__unit").textContent()).toBe("大渡口区实验小学");
    const instruction = (await sheet.locator(".poster-sheet__instruction").textContent()) ?? "";
    expect(instruction).toContain("学校");
    expect(instruction).not.toContain("社区");
    const url = sheet.getByTestId("poster-url");
    expect(await url.textContent()).toMatch(/^127\.0\.0\.1:\d+\/q\/[\w.-]+$/);
    const lines = await url.evaluate((el) =>
      [...el.querySelectorAll(":scope > span")].map((part) => {
        const range = document.createRange();
        range.selectNodeContents(part);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      }),
    );
    expect(lines).toEqual([1, 1]);
    await page.screenshot({ path: resultPath("office-school-poster.png"), fullPage: true });

    // A community poster keeps the community wording.
    const made = await api.post<{ id: string }>("/api/v1/posters", { unitCode: COMMUNITY, surveyId: "resident" });
    await page.goto(`${server.url}/admin/posters/${made.body.id}`);
    await expect.poll(() => page.locator(".poster-sheet__instruction").textContent()).toContain("把社区建设得更好");
    expect(await page.locator(".poster-sheet__unit").textContent()).toBe("大渡口区 新山村街道 民主社区");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the unit picker is a keyboard tree and a search: the user's scope is chosen, not typed as a code", async () => {
    const { page, errors } = await newPage(browser.context);
    await signIn(page, "admin", server.adminPassword);
    await page.goto(`${server.url}/admin/users`);
    const form = page.locator("form.admin-row");
    const box = form.getByRole("combobox", { name: "负责范围" });
    await box.focus();
    const tree = page.getByRole("tree", { name: "负责范围" });
    await tree.getByRole("treeitem", { name: /重庆市/ }).waitFor();
    expect(await box.getAttribute("aria-expanded")).toBe("true");
    // ↓ to 重庆市's first child, → opens it, → steps into its first subdistrict.
    await box.press("ArrowDown");
    const district = tree.locator(`[role="treeitem"][data-code="${DISTRICT}"]`);
    expect(await district.getAttribute("aria-expanded")).toBe("false");
    await expect.poll(() => box.getAttribute("aria-activedescendant")).toBe(await district.getAttribute("id"));
    await box.press("ArrowRight");
    await expect.poll(() => district.getAttribute("aria-expanded")).toBe("true");
    await box.press("ArrowRight");
    const first = tree.locator('[role="treeitem"][data-code="500104001000"]');
    expect(await first.getAttribute("aria-level")).toBe("3");
    await expect.poll(() => box.getAttribute("aria-activedescendant")).toBe(await first.getAttribute("id"));
    await box.press("ArrowLeft");
    await expect.poll(() => box.getAttribute("aria-activedescendant")).toBe(await district.getAttribute("id"));
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Typing searches by name: the hit shows where it is; Enter chooses it.
    await box.fill("民主");
    const hit = tree.locator(`[role="treeitem"][data-code="${COMMUNITY}"]`);
    await hit.waitFor();
    expect(await hit.textContent()).toContain("大渡口区 新山村街道");
    await box.press("Enter");
    await expect.poll(() => box.inputValue()).toBe(`民主社区（${COMMUNITY}）`);
    expect(await box.getAttribute("aria-expanded")).toBe("false");

    await form.locator('input[name="username"]').fill("picker-office");
    await form.locator('input[name="password"]').fill("long-enough-1");
    await form.locator('button[type="submit"]').click();
    await page.getByText("已创建用户 picker-office").waitFor();
    const list = (await api.get<{ users: { username: string; scope: string }[] }>("/api/v1/users")).body.users;
    expect(list.find((u) => u.username === "picker-office")?.scope).toBe(COMMUNITY);
    // The list shows the scope by name.
    const userScope = page.getByRole("combobox", { name: "picker-office 的负责范围" });
    await expect.poll(() => userScope.inputValue()).toBe(`民主社区（${COMMUNITY}）`);
    await page.screenshot({ path: resultPath("office-unit-picker.png") });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("has no serious or critical axe violations on login, dashboard and every admin tab; the audit log names units", async () => {
    const { page, errors } = await newPage(browser.context);
    await page.goto(`${server.url}/login`);
    await page.locator('input[name="username"]').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await signIn(page, "admin", server.adminPassword);
    await page.goto(`${server.url}/dashboard?unit=${DISTRICT}`);
    await chartsDrawn(page);
    await page.getByTestId("plan-table").waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    for (const tab of [
      "units",
      "users",
      "posters",
      "surveys",
      "editor",
      "flagged",
      "thresholds",
      "privacy",
      "webhooks",
      "subjects",
      "retention",
      "audit",
      "logins",
    ]) {
      await page.goto(`${server.url}/admin/${tab}`);
      await page.locator(".admin-panel").first().waitFor();
      await page.waitForLoadState("networkidle");
      expect({ tab, violations: await seriousAxeViolations(page) }).toEqual({ tab, violations: [] });
    }
    // The log names the unit of a change beside its code.
    const batch = await api.post("/api/v1/posters/batch", { subdistrictCode: "500104002000", surveyId: "resident" });
    expect(batch.status).toBe(201);
    await page.goto(`${server.url}/admin/audit`);
    const entry = page.locator(".admin-table--audit tr", { hasText: "500104002000" }).first();
    await expect.poll(() => entry.textContent()).toContain("跃进村街道（500104002000）");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("at 200% zoom the dashboard and admin reflow: nothing scrolls sideways or is cut off", async () => {
    const zoomed = await launchBrowser(ZOOM_200);
    try {
      const { page, errors } = await newPage(zoomed.context);
      await signIn(page, "admin", server.adminPassword);
      const check = async (path: string, ready: () => Promise<unknown>) => {
        await page.goto(`${server.url}${path}`);
        await ready();
        await page.waitForLoadState("networkidle");
        const result = await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          // Clipped text: a box that hides what does not fit, and something does not fit.
          const clipped = [...document.querySelectorAll<HTMLElement>("body *")]
            .filter((el) => el.getClientRects().length > 0 && el.textContent?.trim())
            // A visually hidden legend (clipped to nothing on purpose) is for screen readers.
            .filter((el) => getComputedStyle(el).clip === "auto")
            .filter((el) => {
              const s = getComputedStyle(el);
              const hides = (o: string) => o === "hidden" || o === "clip";
              return (
                (hides(s.overflowX) && el.scrollWidth > el.clientWidth + 1) || (hides(s.overflowY) && el.scrollHeight > el.clientHeight + 1)
              );
            })
            .filter((el) => !el.closest(".user-summary") && !el.closest(".chart"))
            .map((el) => `${el.tagName}.${el.className}: ${el.textContent?.slice(0, 30)}`);
          return { scroll: document.documentElement.scrollWidth - width, clipped };
        });
        expect({ path, ...result }).toEqual({ path, scroll: 0, clipped: [] });
      };
      await check(`/dashboard?unit=${DISTRICT}`, () => chartsDrawn(page));
      await page.screenshot({ path: resultPath("office-dashboard-zoom200.png"), fullPage: true });
      for (const tab of [
        "users",
        "posters",
        "units",
        "flagged",
        "thresholds",
        "privacy",
        "webhooks",
        "subjects",
        "retention",
        "audit",
        "logins",
        "surveys",
        "editor",
      ]) {
        await check(`/admin/${tab}`, () => page.locator(".admin-panel").first().waitFor());
      }
      await page.goto(`${server.url}/admin/users`);
      await page.locator(".admin-panel").waitFor();
      await page.screenshot({ path: resultPath("office-admin-zoom200.png"), fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await zoomed.close();
    }
  });
});
