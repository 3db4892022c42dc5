/**
 * What to do after one submission attempt, decided from its result alone (pure, so the policy is
 * testable): finish, retry later, send the person back to fix answers, or stop.
 */
import { ApiError, NetworkError, type ApiIssue } from "../../../lib/http";
import { backoffDelay } from "../../../lib/backoff";
import { posterClosedCode, type PosterClosedCode, type SubmissionReceipt } from "../types";

export type SubmitOutcome =
  | { kind: "done"; status: "accepted" | "duplicate" | "conflict" }
  | { kind: "retry"; reason: "network" | "rate_limited"; delayMs: number }
  | { kind: "invalid"; issues: ApiIssue[]; message: string }
  | { kind: "rejected"; code: string; message: string }
  | { kind: "closed"; code: PosterClosedCode; message: string };

/** A 429 waits at least this long: the burst window is a minute. */
export const RATE_LIMIT_MIN_DELAY_MS = 30_000;

export function decideOutcome(
  result: { ok: true; receipt: SubmissionReceipt } | { ok: false; error: unknown },
  attempt: number,
  random: () => number = Math.random,
): SubmitOutcome {
  if (result.ok) return { kind: "done", status: result.receipt.status === "duplicate" ? "duplicate" : "accepted" };
  const { error } = result;
  if (error instanceof ApiError) {
    if (error.status === 409) return { kind: "done", status: "conflict" };
    if (error.status === 429) {
      const delayMs = Math.max(RATE_LIMIT_MIN_DELAY_MS, error.retryAfterMs ?? 0, backoffDelay(attempt, undefined, random));
      return { kind: "retry", reason: "rate_limited", delayMs };
    }
    // The poster was revoked or its window is over: final, a retry cannot help.
    if (error.status === 410) return { kind: "closed", code: posterClosedCode(error.code), message: error.message };
    if (error.status === 422 && error.code === "invalid_response" && error.issues.length > 0) {
      return { kind: "invalid", issues: error.issues, message: error.message };
    }
    // Gateways and a restarting server answer 5xx (or 408); the answers are fine, try again.
    if (error.status >= 500 || error.status === 408) {
      return { kind: "retry", reason: "network", delayMs: backoffDelay(attempt, undefined, random) };
    }
    return { kind: "rejected", code: error.code, message: error.message };
  }
  if (error instanceof NetworkError) {
    return { kind: "retry", reason: "network", delayMs: backoffDelay(attempt, undefined, random) };
  }
  // A programming error is not something a retry will fix, but losing answers is worse: retry.
  return { kind: "retry", reason: "network", delayMs: backoffDelay(attempt, undefined, random) };
}
