import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { texts } from "../../../lib/i18n";
import { drawBackChecks, getBackChecks, submitBackCheck } from "../api/field-review-api";
import type { BackCheck } from "../types";

const T = texts.fieldReview;

/**
 * 复核: a supervisor draws the sample; any team member but the interviewer re-asks the set
 * questions (shown without the original answers, so the check is blind) and records them.
 */
export function BackCheckPanel({ unit, mayDraw }: { unit: string; mayDraw: boolean }) {
  const client = useQueryClient();
  const list = useQuery({ queryKey: ["field-review", "back-checks", unit], queryFn: () => getBackChecks(unit), retry: false });
  const draw = useMutation({
    mutationFn: () => drawBackChecks(unit),
    onSuccess: () => client.invalidateQueries({ queryKey: ["field-review"] }),
  });
  return (
    <section className="review-section" aria-labelledby="back-check-title">
      <h2 id="back-check-title">{T.backCheckTitle}</h2>
      <p className="muted">{T.backCheckIntro}</p>
      {mayDraw && (
        <p>
          <button type="button" className="button button--secondary" disabled={draw.isPending} onClick={() => draw.mutate()}>
            {T.draw}
          </button>{" "}
          <span role="status">{draw.data && T.drawn(draw.data.drawn.length, draw.data.candidates)}</span>
        </p>
      )}
      {list.isPending && <p className="page-status">{T.loading}</p>}
      {list.isError && <p className="notice notice-warning">{T.failed(list.error.message)}</p>}
      {list.isSuccess && list.data.backChecks.length === 0 && <p className="muted">{T.noBackChecks}</p>}
      <ul className="review-checks">
        {list.data?.backChecks.map((check) => (
          <BackCheckItem key={check.id} check={check} />
        ))}
      </ul>
    </section>
  );
}

function BackCheckItem({ check }: { check: BackCheck }) {
  const client = useQueryClient();
  const [mode, setMode] = useState<"phone" | "visit">("phone");
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const base = useId();
  const submit = useMutation({
    mutationFn: () => {
      const chosen: Record<string, unknown> = {};
      for (const q of check.questions) {
        const i = answers[q.name];
        if (i !== undefined && i !== "") chosen[q.name] = q.choices[Number(i)]?.value;
      }
      return submitBackCheck(check.id, mode, chosen);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ["field-review", "agreement"] }),
  });
  return (
    <li className="review-check" data-testid="back-check">
      <p>
        <strong>{check.unitName}</strong> · {check.interviewer} · {check.day}
      </p>
      {!check.mayCheck ? (
        <p className="muted">{T.checkOwn}</p>
      ) : submit.isSuccess ? (
        <p role="status">{T.checkResult(submit.data.matched, submit.data.compared, submit.data.markedDoubtful)}</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit.mutate();
          }}
        >
          <fieldset>
            <legend>{T.modeLabel}</legend>
            {(["phone", "visit"] as const).map((m) => (
              <label key={m} className="review-inline">
                <input type="radio" name={`${base}-mode`} checked={mode === m} onChange={() => setMode(m)} />
                {T.mode[m]}
              </label>
            ))}
          </fieldset>
          {check.questions.map((q) => (
            <label key={q.name} className="review-question">
              {q.title}
              <select value={answers[q.name] ?? ""} onChange={(e) => setAnswers({ ...answers, [q.name]: e.target.value })}>
                <option value="">{T.noAnswer}</option>
                {q.choices.map((c, i) => (
                  <option key={String(c.value)} value={String(i)}>
                    {c.text}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <button type="submit" className="button" disabled={submit.isPending}>
            {T.submitCheck}
          </button>
          {submit.isError && (
            <p className="notice notice-warning" role="alert">
              {T.failed(submit.error.message)}
            </p>
          )}
        </form>
      )}
    </li>
  );
}
