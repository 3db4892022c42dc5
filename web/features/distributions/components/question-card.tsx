import { texts } from "../../../lib/i18n";
import type { QuestionDistribution } from "../types";
import { ChoiceChart } from "./choice-chart";
import { ChoiceTable } from "./choice-table";
import { NumericSummary } from "./numeric-summary";

const T = texts.distributions;

/** One question: its bars (or numeric summary), the same figures as a table folded under them, who answered. */
export function QuestionCard({ question }: { question: QuestionDistribution }) {
  const headingId = `dist-q-${question.name}`;
  return (
    <section className="dist-card" aria-labelledby={headingId} data-testid={`dist-${question.name}`}>
      <h4 id={headingId}>
        {question.title}
        {question.metric && <span className="dist-tag">{T.metricTag}</span>}
      </h4>
      <p className="dist-muted">
        {T.respondents(question.respondents)}
        {question.kind === "multi" && ` · ${T.multiNote}`}
      </p>
      {question.respondents === 0 ? (
        <p className="dist-empty">{T.noAnswers}</p>
      ) : (
        <>
          {question.kind !== "numeric" && <ChoiceChart question={question} />}
          <NumericSummary question={question} />
          {question.kind !== "numeric" && (
            <details className="dist-table-fold">
              <summary>{T.showTable}</summary>
              <ChoiceTable question={question} />
            </details>
          )}
        </>
      )}
    </section>
  );
}
