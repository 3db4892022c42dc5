/**
 * Soak (issue 18): 60 s of QR submissions at a fixed offered rate (open loop, generator in its
 * own process) against a server process. A correctness check at a rate a loaded 2-core CI
 * machine surely sustains, not a timed target: the 10-minute run at 500/s is `npx tsx bench/soak.ts`
 * (docs/reliability.md). SOAK_RATE / SOAK_SECONDS override the defaults.
 */
import { describe, expect, it } from "vitest";
import { runSoak } from "./lib/soak-run";

const RATE = Number(process.env.SOAK_RATE ?? 150);
const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);

describe(`soak: ${RATE} submissions/s for ${SECONDS} s`, () => {
  it("acknowledges every submission, stores each once, keeps rollups exact and RSS flat", { timeout: (SECONDS + 240) * 1000 }, async () => {
    const r = await runSoak({ rate: RATE, seconds: SECONDS });
    const { rssSamplesMb, ...summary } = r;
    console.log(`soak: ${JSON.stringify(summary)}\n  RSS (MB, per second): ${rssSamplesMb.join(" ")}`);
    expect(r.answered).toBe(r.offered);
    expect(r.statuses).toEqual({ "201": r.offered });
    expect(r.stored).toBe(r.offered);
    expect(r.missing).toBe(0);
    expect(r.unexpected).toBe(0);
    expect(r.rollupsMatchRebuild).toBe(true);
    expect(Math.abs(r.rssChangePercent), `RSS ${r.rssSecondWindowMb} → ${r.rssLastWindowMb} MB`).toBeLessThanOrEqual(10);
  });
});
