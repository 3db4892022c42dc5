import { describe, expect, it } from "vitest";
import { afterLogin, homeFor } from "../../web/features/auth/lib/role-home";
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

describe("afterLogin", () => {
  it("sends an interviewer asking for an office page to the tablet app", () => {
    for (const next of ["/dashboard", "/dashboard/report?unit=5001", "/admin", "/admin/users"]) {
      expect(afterLogin(next, "interviewer")).toBe("/interview");
    }
    expect(homeFor("interviewer")).toBe("/interview");
  });
  it("keeps pages an interviewer can use, and every page for office users and admins", () => {
    expect(afterLogin("/account/password", "interviewer")).toBe("/account/password");
    expect(afterLogin("/dashboardish", "interviewer")).toBe("/dashboardish");
    for (const role of ["office", "admin"] as const) {
      expect(afterLogin("/dashboard/report", role)).toBe("/dashboard/report");
      expect(afterLogin("/admin", role)).toBe("/admin");
      expect(homeFor(role)).toBe("/dashboard");
    }
  });
});
