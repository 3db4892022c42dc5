import type { Clock } from "../../lib/clock";

export type QrVerdict = "ok" | "flag" | "block";

/** One submission's place in its address's count; released unless the response is stored. */
export interface QrSlot {
  verdict: QrVerdict;
  /** Gives the place back: the submission stored nothing (refused, duplicate, conflict, failed). Idempotent. */
  release(): void;
}

export interface QrGuard {
  /** Takes a place for one QR submission from an address and says how to treat it. */
  reserve(address: string): QrSlot;
}

const WINDOW_MS = 60_000;
const NOTHING_TO_RELEASE: QrSlot["release"] = () => {};

/**
 * Per-address burst control for the QR path (docs/design.md §4): past `flagLimit` a minute the
 * responses are stored flagged, past `blockLimit` they are refused with 429. Counters live in
 * memory per instance: a burst is a local event, and a lost counter only means a later flag.
 * Many phones share one carrier address in China, so the defaults are generous.
 *
 * Only stored responses count (issue 11, hole 9): junk that one phone sends and gets a 422 for
 * must not get everyone else behind the same address flagged. A submission takes its place when
 * it arrives, before it is validated, and gives it back unless it is stored. Taking it first
 * keeps concurrent submissions honest: each one sees the others in flight, so a volley from one
 * address cannot all slip under the block limit together. A blocked submission takes no place.
 */
export function createQrGuard(limits: { flagLimit: number; blockLimit: number }, clock: Clock): QrGuard {
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = 0;

  return {
    reserve(address) {
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
      if (limits.blockLimit > 0 && w.count >= limits.blockLimit) return { verdict: "block", release: NOTHING_TO_RELEASE };
      w.count += 1;
      const verdict: QrVerdict = limits.flagLimit > 0 && w.count > limits.flagLimit ? "flag" : "ok";
      const window = w;
      let released = false;
      return {
        verdict,
        release() {
          // A place taken in an earlier window has nothing left to give back.
          if (released || windows.get(address) !== window) return;
          released = true;
          window.count -= 1;
        },
      };
    },
  };
}
