/**
 * Respondent page bench (docs/benchmarks.md, "Respondent page"): time until the first question
 * is visible on /q/:token in real Chromium over an emulated mobile network (1.6 Mbps down,
 * 750 kbps up, 150 ms round trip, via the DevTools protocol) with WeChat's user agent, cold and
 * on a repeat visit, and the bytes transferred; once at full CPU speed and once with the CPU
 * slowed 4× (Emulation.setCPUThrottlingRate, as on a mid-range Android phone). The first
 * question counts as visible when either the server-rendered first page (issue 18) or SurveyJS
 * shows its title; the time SurveyJS itself shows it is reported beside (`surveyJs*`).
 * Needs `npm run build` first and Debian's chromium.
 *
 *   npx tsx bench/page-load.ts          # 5 cold and 5 repeat loads per variant
 *   BENCH_CPU=1 npx tsx bench/page-load.ts   # one variant only (CPU slowdown factor)
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { median } from "./lib/load";
import { startServerProcess } from "./lib/server-process";
import { report } from "./lib/report";
import { benchAdmin } from "./lib/admin-api";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
if (!existsSync("dist/web/index.html")) throw new Error("run `npm run build` first");

const dir = mkdtempSync(path.join(tmpdir(), "cw-page-"));
const server = await startServerProcess("server/node.ts", 18790, {
  DATABASE_URL: `file:${path.join(dir, "page.db")}`,
  ADMIN_PASSWORD: "bench-password-1",
});
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
/** WeChat's in-app browser on Android (the UA the pages see when a poster is scanned in WeChat). */
const WECHAT_UA =
  "Mozilla/5.0 (Linux; Android 12; V2134A Build/SP1A.210812.003; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 " +
  "Chrome/107.0.5304.141 Mobile Safari/537.36 XWEB/5061 MMWEBSDK/20230405 MMWEBID/2233 MicroMessenger/8.0.35.2360(0x2800233D) " +
  "WeChat/arm64 Weixin NetType/4G Language/zh_CN ABI/arm64";
const CPU_RATES = process.env.BENCH_CPU ? [Number(process.env.BENCH_CPU)] : [1, 4];
/** A question title either way: the server-rendered first page's, or SurveyJS's. */
const FIRST_TITLE = ".first-page__title, .sd-question__title";

try {
  const { url } = await (await benchAdmin(server.url, "bench-password-1")).poster("500104001001", "resident");
  for (const cpuRate of CPU_RATES) {
    const cold: number[] = [];
    const repeat: number[] = [];
    const surveyJsCold: number[] = [];
    const surveyJsRepeat: number[] = [];
    const polledMs: number[] = [];
    let coldBytes = 0;
    let repeatBytes = 0;
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({
        viewport: { width: 375, height: 667 },
        isMobile: true,
        hasTouch: true,
        locale: "zh-CN",
        userAgent: WECHAT_UA,
      });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: 150,
        downloadThroughput: (1.6e6 / 8) | 0,
        uploadThroughput: (750e3 / 8) | 0,
      });
      if (cpuRate > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuRate });
      let bytes = 0;
      cdp.on("Network.loadingFinished", (e: { encodedDataLength: number }) => (bytes += e.encodedDataLength));
      // The page notes the frame in which the first question title is laid out and visible, on its
      // own clock from navigation start: Playwright's visibility polling backs off to 500 ms steps,
      // which once added up to half a second to the figure. SurveyJS's own title is noted apart.
      // (A string, not a function: tsx would wrap a named function in a helper the page lacks.)
      await context.addInitScript(`(() => {
        const shown = (selector) => {
          const title = document.querySelector(selector);
          return title && title.getBoundingClientRect().height > 0 && getComputedStyle(title).visibility !== "hidden";
        };
        const check = () => {
          if (window.firstQuestionMs === undefined && shown(${JSON.stringify(FIRST_TITLE)})) window.firstQuestionMs = performance.now();
          if (shown(".sd-question__title")) window.surveyJsMs = performance.now();
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      })();`);
      const load = async () => {
        bytes = 0;
        const t = performance.now();
        await page.goto(url, { waitUntil: "commit" });
        await page.locator(".sd-question__title").first().waitFor({ state: "visible", timeout: 60_000 });
        const polled = performance.now() - t;
        const inPage = await page.evaluate(() => {
          const w = window as unknown as { firstQuestionMs?: number; surveyJsMs?: number };
          return { first: w.firstQuestionMs, surveyJs: w.surveyJsMs };
        });
        if (inPage.first === undefined || inPage.surveyJs === undefined) throw new Error("the page did not record its first question");
        polledMs.push(polled);
        return inPage as { first: number; surveyJs: number };
      };
      const c = await load();
      cold.push(c.first);
      surveyJsCold.push(c.surveyJs);
      coldBytes = bytes;
      // Let the service worker install and keep the page's files, as between two real visits.
      await page.waitForTimeout(1500);
      const r = await load();
      repeat.push(r.first);
      surveyJsRepeat.push(r.surveyJs);
      repeatBytes = bytes;
      await context.close();
    }
    report("page-load", {
      variant: cpuRate > 1 ? `WeChat UA, CPU ${cpuRate}× slower` : "WeChat UA",
      runs: RUNS,
      network: "1.6 Mbps down, 750 kbps up, 150 ms RTT",
      coldMs: Math.round(median(cold)),
      repeatMs: Math.round(median(repeat)),
      surveyJsColdMs: Math.round(median(surveyJsCold)),
      surveyJsRepeatMs: Math.round(median(surveyJsRepeat)),
      coldKiB: +(coldBytes / 1024).toFixed(1),
      repeatKiB: +(repeatBytes / 1024).toFixed(1),
      coldRunsMs: cold.map(Math.round),
      repeatRunsMs: repeat.map(Math.round),
      playwrightPolledMs: polledMs.map(Math.round),
    });
  }
} finally {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
