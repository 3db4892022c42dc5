import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/test-app";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe("framing: only the editor's draft preview, only by our own pages", () => {
  it("lets the preview page be framed by the same origin and keeps every other page unframeable", async () => {
    t = await createTestApp();
    const preview = await t.request("/survey-preview/some-draft?mode=phone");
    expect(preview.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    const csp = preview.headers.get("content-security-policy")!;
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).not.toContain("frame-ancestors 'none'");
    // Everything else the policy says stays as it is.
    expect(csp).toContain("script-src 'self'");
    for (const path of ["/dashboard", "/admin/editor/x", "/q/token", "/api/v1/surveys", "/survey-previewx"]) {
      const res = await t.request(path);
      expect(res.headers.get("x-frame-options"), path).toBe("DENY");
      expect(res.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
    }
  });
});
