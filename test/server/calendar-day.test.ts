import { describe, expect, it } from "vitest";
import { calendarDaySchema } from "../../server/contracts/calendar-day";
import { reviewQueueQuerySchema } from "../../server/contracts/field-review";

describe("calendar day", () => {
  it("takes real days and refuses impossible ones without throwing (a 422, never a 500)", () => {
    for (const ok of ["2026-12-03", "2024-02-29", "2000-01-01"]) expect(calendarDaySchema.safeParse(ok).success, ok).toBe(true);
    for (const bad of ["9999-99-99", "2026-02-30", "2025-02-29", "2026-13-01", "2026-1-1", "x", ""])
      expect(calendarDaySchema.safeParse(bad).success, bad).toBe(false);
  });

  it("guards the review queue's dates, where the hostile-input run found a 500", () => {
    expect(() => reviewQueueQuerySchema.safeParse({ to: "9999-99-99" })).not.toThrow();
    expect(reviewQueueQuerySchema.safeParse({ to: "9999-99-99" }).success).toBe(false);
  });
});
