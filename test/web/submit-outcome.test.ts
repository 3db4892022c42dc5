import { describe, expect, it } from "vitest";
import { decideOutcome, RATE_LIMIT_MIN_DELAY_MS } from "../../web/features/respondent/lib/submit-outcome";
import { ApiError, NetworkError } from "../../web/lib/http";

const r = () => 0.5;
const fail = (error: unknown) => ({ ok: false as const, error });

describe("decideOutcome", () => {
  it("finishes on accepted, duplicate and conflict (409 = already stored)", () => {
    expect(decideOutcome({ ok: true, receipt: { id: "x", status: "accepted" } }, 0)).toEqual({ kind: "done", status: "accepted" });
    expect(decideOutcome({ ok: true, receipt: { id: "x", status: "duplicate" } }, 0)).toEqual({ kind: "done", status: "duplicate" });
    expect(decideOutcome(fail(new ApiError(409, "conflict", "x")), 0).kind).toBe("done");
  });

  it("retries network failures and 5xx with growing delays", () => {
    expect(decideOutcome(fail(new NetworkError("offline")), 0, r)).toEqual({ kind: "retry", reason: "network", delayMs: 2_000 });
    expect(decideOutcome(fail(new ApiError(503, "unavailable", "x")), 2, r)).toEqual({ kind: "retry", reason: "network", delayMs: 8_000 });
    expect(decideOutcome(fail(new ApiError(502, "http_502", "x")), 10, r)).toMatchObject({ delayMs: 60_000 });
  });

  it("stops on 410 (the poster was revoked or its window is over) with its code, never retrying", () => {
    for (const code of ["poster_revoked", "poster_not_open", "poster_closed"]) {
      expect(decideOutcome(fail(new ApiError(410, code, "已停用")), 0, r)).toEqual({ kind: "closed", code, message: "已停用" });
    }
    expect(decideOutcome(fail(new ApiError(410, "gone", "x")), 3, r)).toMatchObject({ kind: "closed", code: "poster_revoked" });
  });

  it("waits at least 30 s (or Retry-After) on 429", () => {
    expect(decideOutcome(fail(new ApiError(429, "rate_limited", "x")), 0, r)).toEqual({
      kind: "retry",
      reason: "rate_limited",
      delayMs: RATE_LIMIT_MIN_DELAY_MS,
    });
    expect(decideOutcome(fail(new ApiError(429, "rate_limited", "x", [], 45_000)), 0, r)).toMatchObject({ delayMs: 45_000 });
  });

  it("sends the person back on invalid_response with issues", () => {
    const issues = [{ question: "q1", message: "请选择" }];
    expect(decideOutcome(fail(new ApiError(422, "invalid_response", "bad", issues)), 0)).toEqual({
      kind: "invalid",
      issues,
      message: "bad",
    });
  });

  it("stops on other client errors", () => {
    expect(decideOutcome(fail(new ApiError(422, "unknown_survey", "no such version")), 0)).toEqual({
      kind: "rejected",
      code: "unknown_survey",
      message: "no such version",
    });
    expect(decideOutcome(fail(new ApiError(413, "too_large", "big")), 0).kind).toBe("rejected");
  });
});
