import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { backoffDelay, DEFAULT_BACKOFF } from "../../web/lib/backoff";

const middle = () => 0.5; // no jitter

describe("backoffDelay", () => {
  it("doubles from 2 s and stops at 60 s", () => {
    const schedule = Array.from({ length: 8 }, (_, i) => backoffDelay(i, DEFAULT_BACKOFF, middle));
    expect(schedule).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });

  it("spreads each delay by at most ±20% and never exceeds the cap", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
        const nominal = Math.min(60_000, 2_000 * 2 ** Math.min(attempt, 30));
        const d = backoffDelay(attempt, DEFAULT_BACKOFF, () => r);
        expect(d).toBeGreaterThanOrEqual(Math.floor(nominal * 0.8));
        expect(d).toBeLessThanOrEqual(60_000);
        expect(d).toBeLessThanOrEqual(Math.ceil(nominal * 1.2));
      }),
    );
  });

  it("treats odd attempts (negative, fractional) sanely", () => {
    expect(backoffDelay(-3, DEFAULT_BACKOFF, middle)).toBe(2_000);
    expect(backoffDelay(1.7, DEFAULT_BACKOFF, middle)).toBe(4_000);
  });
});
