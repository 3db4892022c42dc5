import { useCallback, useEffect, useRef, useState } from "react";
import type { ApiIssue } from "../../../lib/http";
import { submitResponse } from "../api/submit-response";
import { decideOutcome } from "../lib/submit-outcome";
import type { PosterClosedCode, QrSubmission } from "../types";

export type SubmissionState =
  | { kind: "idle" }
  | { kind: "sending" }
  | { kind: "waiting"; reason: "network" | "rate_limited"; retryAt: number }
  | { kind: "invalid"; issues: ApiIssue[] }
  | { kind: "rejected"; message: string }
  | { kind: "closed"; code: PosterClosedCode; message: string }
  | { kind: "done" };

export interface SubmissionCallbacks {
  onDone: () => void;
  onInvalid: (issues: ApiIssue[]) => void;
}

/**
 * Sends `submission` until the server gives a final answer, retrying with backoff through lost
 * signal and overload. The same object (same id, same content) is resent each time. Going back
 * online or `retryNow()` cuts a wait short. Pass `null` to stay idle.
 */
export function useSubmission(
  submission: QrSubmission | null,
  callbacks: SubmissionCallbacks,
): { state: SubmissionState; retryNow: () => void } {
  const [state, setState] = useState<SubmissionState>({ kind: "idle" });
  const callbacksRef = useRef(callbacks);
  callbacksRef.current = callbacks;
  const wakeRef = useRef<() => void>(() => {});

  useEffect(() => {
    if (!submission) {
      setState({ kind: "idle" });
      return;
    }
    let cancelled = false;
    let inFlight = false;
    // Only a wait or a refusal can be cut short; a final answer (done, invalid) stays final.
    let retryable = true;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const send = async () => {
      if (cancelled || inFlight || !retryable) return;
      clearTimeout(timer);
      inFlight = true;
      setState({ kind: "sending" });
      let result: Parameters<typeof decideOutcome>[0];
      try {
        result = { ok: true, receipt: await submitResponse(submission) };
      } catch (error) {
        result = { ok: false, error };
      }
      inFlight = false;
      if (cancelled) return;
      const outcome = decideOutcome(result, attempt++);
      switch (outcome.kind) {
        case "done":
          retryable = false;
          setState({ kind: "done" });
          callbacksRef.current.onDone();
          return;
        case "retry":
          setState({ kind: "waiting", reason: outcome.reason, retryAt: Date.now() + outcome.delayMs });
          timer = setTimeout(() => void send(), outcome.delayMs);
          return;
        case "invalid":
          retryable = false;
          setState({ kind: "invalid", issues: outcome.issues });
          callbacksRef.current.onInvalid(outcome.issues);
          return;
        case "rejected":
          setState({ kind: "rejected", message: outcome.message });
          return;
        case "closed":
          retryable = false;
          setState({ kind: "closed", code: outcome.code, message: outcome.message });
          return;
      }
    };

    wakeRef.current = () => void send();
    const onOnline = () => void send();
    window.addEventListener("online", onOnline);
    void send();
    return () => {
      cancelled = true;
      clearTimeout(timer);
      window.removeEventListener("online", onOnline);
      wakeRef.current = () => {};
    };
  }, [submission]);

  const retryNow = useCallback(() => wakeRef.current(), []);
  return { state, retryNow };
}
