import { describe, expect, it } from "vitest";
import { ApiError, errorText, NetworkError, parseRetryAfter, readResponse, toApiError } from "../../web/lib/http";

describe("toApiError", () => {
  it("reads the one error shape, issues included", () => {
    const e = toApiError(422, {
      error: { code: "invalid_response", message: "答案有误", issues: [{ question: "q1", message: "必答" }, { nope: 1 }] },
    });
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ status: 422, code: "invalid_response", message: "答案有误" });
    expect(e.issues).toEqual([{ question: "q1", message: "必答" }]);
  });

  it("copes with foreign bodies (proxy pages, empty)", () => {
    expect(toApiError(502, null)).toMatchObject({ status: 502, code: "http_502", issues: [] });
    expect(toApiError(500, "<html>")).toMatchObject({ code: "http_500" });
  });

  it("joins array paths from validators", () => {
    const e = toApiError(400, { error: { code: "bad_request", message: "x", issues: [{ path: ["answers", "q1"], message: "m" }] } });
    expect(e.issues).toEqual([{ path: "answers.q1", message: "m" }]);
  });
});

describe("readResponse", () => {
  it("returns JSON for 2xx and throws ApiError otherwise", async () => {
    await expect(readResponse(new Response('{"status":"accepted"}', { status: 201 }))).resolves.toEqual({ status: "accepted" });
    const res = new Response('{"error":{"code":"rate_limited","message":"slow down"}}', {
      status: 429,
      headers: { "Retry-After": "42" },
    });
    await expect(readResponse(res)).rejects.toMatchObject({ status: 429, code: "rate_limited", retryAfterMs: 42_000 });
  });

  it("treats a non-JSON 2xx (captive portal) as a network problem", async () => {
    await expect(readResponse(new Response("<html>wifi login</html>", { status: 200 }))).rejects.toBeInstanceOf(NetworkError);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("5")).toBe(5_000);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter("garbage")).toBeNull();
    const now = Date.parse("2025-05-01T08:00:00Z");
    expect(parseRetryAfter("Thu, 01 May 2025 08:00:30 GMT", now)).toBe(30_000);
  });
});

describe("errorText", () => {
  it("says the server's reasons per field, not its generic refusal", () => {
    const refused = new ApiError(422, "invalid_request", "请求内容不符合接口要求", [
      { path: "username", message: "用户名只能包含字母、数字和 _ . @ -，2–64 个字符" },
      { path: "password", message: "密码至少 8 位" },
    ]);
    expect(errorText(refused)).toBe("用户名只能包含字母、数字和 _ . @ -，2–64 个字符；密码至少 8 位");
  });
  it("falls back to the message", () => {
    expect(errorText(new ApiError(403, "forbidden", "无权操作"))).toBe("无权操作");
    expect(errorText(new Error("x"))).toBe("x");
    expect(errorText("y")).toBe("y");
  });
});
