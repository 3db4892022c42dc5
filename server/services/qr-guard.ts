import type { Clock } from "../lib/clock";

export type QrVerdict = "ok" | "flag" | "block";

export interface QrGuard {
  /** Counts one QR submission from an address and says how to treat it. */
  check(address: string): QrVerdict;
}

const WINDOW_MS = 60_000;

/**
 * Per-address burst control for the QR path (DESIGN.md §4): past `flagLimit` a minute the
 * responses are stored flagged, past `blockLimit` they are refused with 429. Counters live in
 * memory per instance: a burst is a local event, and a lost counter only means a later flag.
 * Many phones share one carrier address in China, so the defaults are generous.
 */
export function createQrGuard(limits: { flagLimit: number; blockLimit: number }, clock: Clock): QrGuard {
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = 0;

  return {
    check(address) {
      const now = clock.now().getTime();
      if (now - lastSweep > WINDOW_MS) {
        for (const [key, w] of windows) if (now - w.start >= WINDOW_MS) windows.delete(key);
        lastSweep = now;
      }
      let w = windows.get(address);
      if (!w || now - w.start >= WINDOW_MS) {
        w = { start: now, count: 0 };
        windows.set(address, w);
      }
      w.count += 1;
      if (limits.blockLimit > 0 && w.count > limits.blockLimit) return "block";
      if (limits.flagLimit > 0 && w.count > limits.flagLimit) return "flag";
      return "ok";
    },
  };
}
