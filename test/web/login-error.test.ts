import { describe, expect, it } from "vitest";
import { ApiError, NetworkError } from "../../web/lib/http";
import { texts } from "../../web/lib/i18n";
import { describeLoginError } from "../../web/lib/session/use-login";

describe("describeLoginError (the one login hook's messages, dashboard and tablet)", () => {
  it("reads refused credentials, including contract refusals, as bad credentials", () => {
    for (const status of [400, 401, 422]) {
      expect(describeLoginError(new ApiError(status, "x", "m"))).toBe(texts.auth.badCredentials);
    }
  });

  it("tells how long to wait when the 429 carries Retry-After, in seconds or minutes", () => {
    expect(describeLoginError(new ApiError(429, "too_many", "m", [], 30_000))).toBe("尝试次数过多，请 30 秒后再试");
    expect(describeLoginError(new ApiError(429, "too_many", "m", [], 400))).toBe("尝试次数过多，请 1 秒后再试");
    expect(describeLoginError(new ApiError(429, "too_many", "m", [], 900_000))).toBe("尝试次数过多，请 15 分钟后再试");
    expect(describeLoginError(new ApiError(429, "too_many", "m"))).toBe(texts.auth.tooMany);
  });

  it("uses the caller's network text, so the tablet can say login needs the network once", () => {
    expect(describeLoginError(new NetworkError("down"))).toBe(texts.auth.networkError);
    expect(describeLoginError(new NetworkError("down"), texts.interview.loginNeedsNetwork)).toBe(texts.interview.loginNeedsNetwork);
  });

  it("shows the server's message for anything else", () => {
    expect(describeLoginError(new ApiError(500, "internal", "boom"))).toBe(texts.auth.unexpectedError("boom"));
  });
});
