import { useCallback, useEffect, useState } from "react";
import { ApiError } from "../../../lib/http";
import { getQuestionnaire } from "../api/get-questionnaire";
import { posterClosedCode, type PosterClosedCode, type Questionnaire } from "../types";

export type QuestionnaireState =
  | { kind: "loading" }
  | { kind: "ready"; questionnaire: Questionnaire }
  | { kind: "invalid-token" }
  | { kind: "closed"; code: PosterClosedCode; message: string }
  | { kind: "failed" };

/**
 * Loads the questionnaire behind a token; `skip` avoids the request when it is not needed, and
 * `inline` (the copy the server put into the page, lib/inline-questionnaire.ts) replaces the first
 * request; a reload asks the server again.
 */
export function useQuestionnaire(
  token: string,
  skip: boolean,
  inline: Questionnaire | null = null,
): { state: QuestionnaireState; reload: () => void } {
  const [state, setState] = useState<QuestionnaireState>(() => (inline ? { kind: "ready", questionnaire: inline } : { kind: "loading" }));
  const [round, setRound] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `round` is the reload trigger; `inline` counts only for the first round
  useEffect(() => {
    if (skip || (inline && round === 0)) return;
    let cancelled = false;
    setState({ kind: "loading" });
    getQuestionnaire(token).then(
      (questionnaire) => !cancelled && setState({ kind: "ready", questionnaire }),
      (error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiError && error.status === 410) {
          setState({ kind: "closed", code: posterClosedCode(error.code), message: error.message });
          return;
        }
        const badToken = error instanceof ApiError && (error.status === 404 || error.status === 400);
        setState({ kind: badToken ? "invalid-token" : "failed" });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [token, skip, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { state, reload };
}
