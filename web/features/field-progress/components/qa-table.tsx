import { texts } from "../../../lib/i18n";
import type { QaBody } from "../types";

const T = texts.fieldPlan.qa;

/** The interviewer QA table (issue 16 part 6) with its rule in words under it. */
export function QaTable({ qa }: { qa: QaBody }) {
  return (
    <>
      {qa.interviewers.length === 0 ? (
        <p>{T.empty}</p>
      ) : (
        <table className="data-table" data-testid="qa-table" aria-label={T.title}>
          <thead>
            <tr>
              <th scope="col">{T.interviewer}</th>
              <th scope="col">{T.interviews}</th>
              <th scope="col">{T.medianDuration}</th>
              <th scope="col">{T.speeding}</th>
              <th scope="col">{T.straightLining}</th>
              <th scope="col">{T.distance}</th>
              <th scope="col">{T.farFromCentre}</th>
              <th scope="col">{T.answerChanges}</th>
            </tr>
          </thead>
          <tbody>
            {qa.interviewers.map((r) => (
              <tr key={r.interviewer} className={r.speeding > 0 || r.straightLined > 0 || r.farFromCentre > 0 ? "is-warning" : undefined}>
                <td>{r.interviewer}</td>
                <td>{r.interviews}</td>
                <td>{T.minutes(r.medianDurationMs)}</td>
                <td>{T.share(r.speeding, r.speedingShare)}</td>
                <td>{T.share(r.straightLined, r.straightLiningShare)}</td>
                <td>{T.metres(r.medianDistanceM, r.withDistance)}</td>
                <td>{r.farFromCentre}</td>
                <td>{r.meanAnswerChanges === null ? "—" : r.meanAnswerChanges.toFixed(1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted fp-rule">{T.rule(qa.rule.straightlineMin, qa.rule.farFromCentreM)}</p>
    </>
  );
}
