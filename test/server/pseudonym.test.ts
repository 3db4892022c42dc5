import { describe, expect, it } from "vitest";
import { coarseCoordinate, devicePseudonym, householdPseudonym } from "../../server/services/privacy/pseudonym";

describe("pseudonyms", () => {
  it("keep distinct households distinct and the same one the same, per unit, and are idempotent", async () => {
    const a = await householdPseudonym("s", "500104001001", "3栋2单元401");
    expect(a).toMatch(/^匿名户-[0-9a-f]{16}$/);
    expect(await householdPseudonym("s", "500104001001", "3栋2单元401")).toBe(a);
    expect(await householdPseudonym("s", "500104001001", "3栋2单元402")).not.toBe(a);
    expect(await householdPseudonym("s", "500104001002", "3栋2单元401")).not.toBe(a);
    expect(await householdPseudonym("other-secret", "500104001001", "3栋2单元401")).not.toBe(a);
    expect(await householdPseudonym("s", "500104001001", a)).toBe(a);
  });

  it("do the same for device ids, and coarsen coordinates to two decimals", async () => {
    const d = await devicePseudonym("s", "device-abc");
    expect(d).toMatch(/^anon-[0-9a-f]{24}$/);
    expect(await devicePseudonym("s", d)).toBe(d);
    expect(await devicePseudonym("s", "device-abd")).not.toBe(d);
    expect(coarseCoordinate(29.484712)).toBe(29.48);
    expect(coarseCoordinate(-106.455)).toBe(-106.45);
    expect(coarseCoordinate(null)).toBeNull();
  });
});
