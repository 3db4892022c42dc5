import { describe, expect, it } from "vitest";
import { runDifferential } from "../../helpers/differential";

describe("compiled validation of the resident survey", () => {
  it("gives SurveyJS's verdict and messages on 5,000 generated answer sets", () => {
    const result = runDifferential("resident", { total: 5_000, bases: 300 });
    expect(result.checked).toBe(5_000);
    // Valid and invalid sets both in real numbers, and every kind of break the survey has room for.
    expect(result.valid).toBeGreaterThan(1_000);
    expect(result.checked - result.valid).toBeGreaterThan(1_500);
    expect(result.kindsSeen).toBeGreaterThanOrEqual(6);
  }, 900_000);
});
