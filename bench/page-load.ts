/**
 * Respondent page bench (docs/benchmarks.md, "Respondent page"): time until the first question
 * is visible on /q/:token in real Chromium over an emulated mobile network (1.6 Mbps down,
 * 750 kbps up, 150 ms round trip, via the DevTools protocol), cold and on a repeat visit, and
 * the bytes transferred. Needs `npm run build` first and Debian's chromium.
 *
 *   npx tsx bench/page-load.ts          # 5 cold and 5 repeat loads
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
try {
  const { url } = await (await benchAdmin(server.url, "bench-password-1")).poster("500104001001", "resident");

  const cold: number[] = [];
  const repeat: number[] = [];
  const polledMs: number[] = [];
  let coldBytes = 0;
  let repeatBytes = 0;
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true, locale: "zh-CN" });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6e6 / 8) | 0,
      uploadThroughput: (750e3 / 8) | 0,
    });
    let bytes = 0;
    cdp.on("Network.loadingFinished", (e: { encodedDataLength: number }) => (bytes += e.encodedDataLength));
    // The page notes the frame in which the first question title is laid out and visible, on its
    // own clock from navigation start: Playwright's visibility polling backs off to 500 ms steps,
    // which once added up to half a second to the figure.
    // (A string, not a function: tsx would wrap a named function in a helper the page lacks.)
    await context.addInitScript(`(() => {
      const check = () => {
        const title = document.querySelector(".sd-question__title");
        if (title && title.getBoundingClientRect().height > 0 && getComputedStyle(title).visibility !== "hidden") {
          window.firstQuestionMs = performance.now();
        } else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    })();`);
    const load = async () => {
      bytes = 0;
      const t = performance.now();
      await page.goto(url, { waitUntil: "commit" });
      await page.locator(".sd-question__title").first().waitFor({ state: "visible", timeout: 60_000 });
      const polled = performance.now() - t;
      const inPage = await page.evaluate(() => (window as unknown as { firstQuestionMs?: number }).firstQuestionMs);
      if (inPage === undefined) throw new Error("the page did not record its first question");
      polledMs.push(polled);
      return inPage;
    };
    cold.push(await load());
    coldBytes = bytes;
    repeat.push(await load());
    repeatBytes = bytes;
    await context.close();
  }
  report("page-load", {
    runs: RUNS,
    network: "1.6 Mbps down, 750 kbps up, 150 ms RTT",
    coldMs: Math.round(median(cold)),
    repeatMs: Math.round(median(repeat)),
    coldKiB: +(coldBytes / 1024).toFixed(1),
    repeatKiB: +(repeatBytes / 1024).toFixed(1),
    coldRunsMs: cold.map(Math.round),
    repeatRunsMs: repeat.map(Math.round),
    playwrightPolledMs: polledMs.map(Math.round),
  });
} finally {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
