/**
 * Shared pieces for browser tests: real Chromium (the Debian package, never a Playwright
 * download), a phone-sized context, a real server on a temp database, and small API helpers.
 *
 * @example
 * const skip = !requireChromium();
 * describe.skipIf(skip)("respondent", () => { ... launchBrowser(PHONE) ... });
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { startNodeServer, type NodeServer } from "../../server/node";

export const CHROMIUM_PATH = "/usr/bin/chromium";

/** The flags verified to work on these machines (docs/stack.md, "Browser tests"). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const INSTALL_HINT = "apt-get install -y chromium fonts-noto-cjk";

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** True when CJK fonts are installed; without them Chinese renders as boxes in screenshots. */
export function cjkFontsAvailable(): boolean {
  try {
    return execFileSync("fc-list", [":lang=zh"], { encoding: "utf8" }).trim().length > 0;
  } catch {
    return false;
  }
}

/**
 * Whether browser tests can run. On CI a missing Chromium is an error; locally the tests are
 * skipped with a warning nobody can miss. Use as `describe.skipIf(!requireChromium())(...)`.
 */
export function requireChromium(): boolean {
  if (chromiumAvailable()) return true;
  if (process.env.CI === "true") {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}; browser tests cannot run on CI. Install: ${INSTALL_HINT}`);
  }
  const bar = "!".repeat(78);
  console.warn(
    [
      "",
      bar,
      `!!  BROWSER TESTS SKIPPED: Chromium is not installed at ${CHROMIUM_PATH}`,
      "!!  The respondent page was NOT tested in a real browser.",
      `!!  Install it (and CJK fonts) with:  ${INSTALL_HINT}`,
      bar,
      "",
    ].join("\n"),
  );
  return false;
}

/** A phone in WeChat: 375x667 CSS pixels, touch, the in-app browser's user agent. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 375, height: 667 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: "zh-CN",
  timezoneId: "Asia/Shanghai",
  userAgent:
    "Mozilla/5.0 (Linux; Android 13; V2203A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) " +
    "Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MicroMessenger/8.0.47.2560(0x28002F30) " +
    "WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64",
};

export interface LaunchedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Starts Chromium with a fresh profile in a temp dir (Playwright wants the profile dir as an
 * argument of `launchPersistentContext`, not as `--user-data-dir` in `args`).
 */
export async function launchBrowser(options: BrowserContextOptions = {}): Promise<LaunchedBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), "cw-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    ...options,
  });
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A page that fails the test on uncaught errors in the browser. */
export async function newPage(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  return { page, errors };
}

/** Path for screenshots and other artefacts (git-ignored). */
export function resultPath(name: string): string {
  return path.join(process.cwd(), "test-results", name);
}

export interface TestServer {
  url: string;
  server: NodeServer;
  adminPassword: string;
  close(): Promise<void>;
}

/**
 * The real Node server (migrations, demo units and surveys, admin user) on a fresh database in a
 * temp dir, serving the built web app from dist/web (`npm test` builds it first).
 */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dir = mkdtempSync(path.join(tmpdir(), "cw-e2e-"));
  const adminPassword = "e2e-admin-password";
  if (!existsSync(path.join(process.cwd(), "dist/web/index.html"))) {
    throw new Error("dist/web is missing: run `npx vite build` (npm test does) before the browser tests");
  }
  const server = await startNodeServer({
    port: 0,
    host: "127.0.0.1",
    databaseUrl: `file:${path.join(dir, "survey.db")}`,
    adminPassword,
    webRoot: path.join(process.cwd(), "dist/web"),
    // A browser robot answers a page in milliseconds and picks the same option everywhere, which
    // the QR quality flags (too_fast, straight_line) rightly catch; they are off here unless a test
    // asks for them, and tested in test/server/admin/flag-review.test.ts.
    // Likewise the browser tests sign in as the same admin from many pages and an API session at
    // once, more than the per-user session cap (SESSION_MAX_PER_USER, tested in
    // test/server/session-limits.test.ts) lets one person hold; it is off here unless a test sets it.
    env: { QR_MIN_SECONDS_PER_ANSWER: "0", QR_STRAIGHTLINE_MIN: "0", SESSION_MAX_PER_USER: "0", ...env },
    quiet: true,
  });
  return {
    url: server.url,
    server,
    adminPassword,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fetch that keeps the session cookie, for driving the API as an admin. */
export function apiSession(baseUrl: string) {
  let cookie = "";
  async function call<T>(method: string, route: string, body?: unknown): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { Accept: "application/json" };
    if (cookie) headers.Cookie = cookie;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    // Browsers send Origin on every POST; the server refuses cookie-carrying writes without it.
    if (method !== "GET") headers.Origin = new URL(baseUrl).origin;
    const res = await fetch(new URL(route, baseUrl), {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
    });
    const setCookie = res.headers.getSetCookie?.() ?? [];
    if (setCookie.length) cookie = setCookie.map((c) => c.split(";")[0]).join("; ");
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }
  return {
    get: <T>(route: string) => call<T>("GET", route),
    post: <T>(route: string, body?: unknown) => call<T>("POST", route, body),
    put: <T>(route: string, body?: unknown) => call<T>("PUT", route, body),
  };
}

export type ApiSession = ReturnType<typeof apiSession>;

interface UnitNode {
  code: string;
  name: string;
  kind: string;
  children: { code: string; name: string; kind: string }[];
}

/** Communities under `rootCode`, found by walking GET /api/v1/units/:code down the tree. */
export async function findCommunities(api: ApiSession, rootCode: string, wanted: number): Promise<UnitNode[]> {
  const found: UnitNode[] = [];
  const queue = [rootCode];
  while (queue.length > 0 && found.length < wanted) {
    const { status, body } = await api.get<UnitNode>(`/api/v1/units/${queue.shift()}`);
    if (status !== 200) throw new Error(`GET /api/v1/units answered ${status}`);
    if (body.kind === "community") found.push(body);
    else queue.push(...body.children.filter((c) => c.kind !== "school" && c.kind !== "school_zone").map((c) => c.code));
  }
  if (found.length < wanted) throw new Error(`only ${found.length} communities in the demo data, wanted ${wanted}`);
  return found;
}

/* ---------- driving a SurveyJS page like a person would ---------- */

/** Names of the questions on the current survey page that are shown. */
export async function visibleQuestionNames(page: Page): Promise<string[]> {
  return page
    .locator(".sd-page .sd-question[data-name]")
    .evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.getAttribute("data-name") ?? ""));
}

/**
 * Answers every shown, unanswered single-choice, yes/no and rating question on the current page
 * (option number `pick`, or the last if there are fewer), repeating while answers reveal new
 * questions.
 * Optional free text and multi-choice questions are left empty.
 */
export async function answerCurrentPage(page: Page, pick = 2): Promise<string[]> {
  const answered: string[] = [];
  for (let pass = 0; pass < 10; pass++) {
    let clicked = false;
    for (const name of await visibleQuestionNames(page)) {
      if (answered.includes(name)) continue;
      const q = page.locator(`.sd-page .sd-question[data-name="${name}"]`);
      // Choices, yes/no and rating buttons all render as labelled radio inputs.
      const options = q.locator("label:has(input[type=radio])");
      const count = await options.count();
      if (count > 0) {
        if ((await q.locator("input[type=radio]:checked").count()) === 0) {
          await options.nth(Math.min(pick, count - 1)).click();
          clicked = true;
        }
        answered.push(name);
      }
    }
    if (!clicked) break;
  }
  return answered;
}

/** Presses 下一页 (or 提交 on the last page); returns which one it pressed. */
export async function nextOrComplete(page: Page): Promise<"next" | "complete"> {
  const next = page.locator(".sd-navigation__next-btn");
  if (await next.isVisible()) {
    const before = await page
      .locator(".sd-page")
      .getAttribute("data-name")
      .catch(() => null);
    const firstBefore = (await visibleQuestionNames(page))[0];
    await next.click();
    await page.waitForFunction(
      ([p, q]) => {
        const pageEl = document.querySelector(".sd-page");
        const first = document.querySelector(".sd-page .sd-question[data-name]");
        return pageEl?.getAttribute("data-name") !== p || first?.getAttribute("data-name") !== q;
      },
      [before, firstBefore] as const,
    );
    return "next";
  }
  await page.locator(".sd-navigation__complete-btn").click();
  return "complete";
}

/** Current survey page number from the saved draft (what a reload restores). */
export async function draftOf(page: Page, token: string): Promise<Record<string, unknown> | null> {
  return page.evaluate((t) => {
    const raw = localStorage.getItem(`cw-draft:${t}`);
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
  }, token);
}
