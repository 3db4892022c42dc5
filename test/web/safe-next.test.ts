import { describe, expect, it } from "vitest";
import { loginUrl, safeNext } from "../../web/features/auth/lib/safe-next";

describe("safeNext", () => {
  it("keeps same-site paths", () => {
    expect(safeNext("/admin")).toBe("/admin");
    expect(safeNext("/dashboard?unit=500104")).toBe("/dashboard?unit=500104");
  });
  it("refuses other sites and loops", () => {
    for (const bad of [null, "", "https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "/login?next=/x"]) {
      expect(safeNext(bad)).toBe("/dashboard");
    }
  });
  it("round-trips through loginUrl", () => {
    const url = new URL(loginUrl("/admin?x=1"), "http://h");
    expect(safeNext(url.searchParams.get("next"))).toBe("/admin?x=1");
  });
});
