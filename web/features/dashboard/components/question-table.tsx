import { texts } from "../../../lib/i18n";
import { questionPrecision } from "../lib/question-precision";
import type { QuestionRate } from "../types";
import { RateFigure } from "./rate-figure";

const T = texts.dashboard;

/** Per-question rates, weakest first (the server sorts), so publicity knows where to push. */
export function QuestionTable({ questions, threshold }: { questions: QuestionRate[]; threshold: Record<string, number> }) {
  if (questions.length === 0) return <p className="dash-empty">{T.noData}</p>;
  return (
    <table className="dash-table" data-testid="question-table">
      <thead>
        <tr>
          <th>{T.question}</th>
          <th>{T.survey}</th>
          <th>{T.rate}</th>
          <th>
            {T.positive}/{T.answers}
          </th>
        </tr>
      </thead>
      <tbody>
        {questions.map((q) => {
          const p = questionPrecision(q);
          return (
            <tr
              key={`${q.surveyId}|${q.name}`}
              className={q.rate !== null && q.rate < (threshold[q.metric] ?? 0.9) ? "is-below" : undefined}
            >
              <td>
                {q.title} <small className="dash-muted">（{T.metrics[q.metric]}）</small>
              </td>
              <td>{T.audiences[q.surveyId as "resident"] ?? q.surveyId}</td>
              <td>
                <RateFigure rate={q.rate} reliability={p.reliability} nEff={p.nEff} />
              </td>
              <td>
                {q.positive}/{q.answers}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
