import { describe, expect, it } from "vitest";
import { monthChange } from "../../web/features/dashboard/lib/month-change";

describe("month-on-month change against noise (difference of two design-based estimates)", () => {
  it("z = (r1 − r0) / sqrt(v1 + v0), hand-worked", () => {
    // sqrt(0.0004 + 0.0005) = 0.03; 0.06 / 0.03 = 2.0 ≥ 1.959964.
    const up = monthChange({ rate: 0.8, variance: 0.0004 }, { rate: 0.74, variance: 0.0005 });
    expect(up.diff).toBeCloseTo(0.06, 12);
    expect(up.z).toBeCloseTo(2, 10);
    expect(up.verdict).toBe("significant");
    // 0.05 / 0.03 = 1.667 < 1.959964.
    const small = monthChange({ rate: 0.8, variance: 0.0004 }, { rate: 0.75, variance: 0.0005 });
    expect(small.z).toBeCloseTo(5 / 3, 10);
    expect(small.verdict).toBe("noise");
    // sqrt(0.0009 + 0.0007) = 0.04; −0.08 / 0.04 = −2: a fall counts the same as a rise.
    const down = monthChange({ rate: 0.7, variance: 0.0009 }, { rate: 0.78, variance: 0.0007 });
    expect(down.z).toBeCloseTo(-2, 10);
    expect(down.verdict).toBe("significant");
  });

  it("just below and at the 95% point", () => {
    // se = 0.01: a difference of 0.0195 gives z 1.95, of 0.0196 gives 1.96.
    expect(monthChange({ rate: 0.5195, variance: 0.00005 }, { rate: 0.5, variance: 0.00005 }).verdict).toBe("noise");
    expect(monthChange({ rate: 0.5196, variance: 0.00005 }, { rate: 0.5, variance: 0.00005 }).verdict).toBe("significant");
  });

  it("says unknown without a variance or a rate, keeping the difference when both rates exist", () => {
    const noVariance = monthChange({ rate: 0.9, variance: null }, { rate: 0.8, variance: 0.001 });
    expect(noVariance.diff).toBeCloseTo(0.1, 12);
    expect(noVariance).toMatchObject({ z: null, verdict: "unknown" });
    expect(monthChange({ rate: null, variance: null }, { rate: 0.8, variance: 0.001 })).toEqual({
      diff: null,
      z: null,
      verdict: "unknown",
    });
    expect(monthChange({ rate: 0.8, variance: 0.001 }, { rate: null, variance: null }).verdict).toBe("unknown");
  });

  it("with no spread in either month any difference is beyond noise and none is noise", () => {
    expect(monthChange({ rate: 1, variance: 0 }, { rate: 0, variance: 0 }).verdict).toBe("significant");
    expect(monthChange({ rate: 1, variance: 0 }, { rate: 1, variance: 0 })).toEqual({ diff: 0, z: 0, verdict: "noise" });
  });
});
