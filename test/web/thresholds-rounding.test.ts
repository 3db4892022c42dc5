import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { percentToRate, rateToPercent } from "../../web/lib/ui/thresholds-editor";

describe("the threshold editor's one rounding rule: percent with one decimal", () => {
  it("shows rates as percents rounded to 0.1 point", () => {
    expect(rateToPercent(0.9)).toBe(90);
    expect(rateToPercent(0.8765)).toBe(87.7);
    expect(rateToPercent(0.5)).toBe(50);
  });

  it("saves typed percents rounded to 0.1 point", () => {
    expect(percentToRate(50)).toBe(0.5);
    expect(percentToRate(87.66)).toBe(0.877);
    expect(percentToRate(90.04)).toBe(0.9);
  });

  it("a saved value reads back as exactly what was typed, after rounding", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (tenths) => {
        const typed = tenths / 10;
        expect(rateToPercent(percentToRate(typed))).toBe(typed);
      }),
    );
  });
});
