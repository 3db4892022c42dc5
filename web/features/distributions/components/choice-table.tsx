import { texts } from "../../../lib/i18n";
import { pct } from "../lib/format";
import type { QuestionDistribution } from "../types";

const T = texts.distributions;

/** The chart's figures as a table: what a screen reader reads, and what a print keeps exact. */
export function ChoiceTable({ question }: { question: QuestionDistribution }) {
  return (
    <table className="dist-table">
      <caption className="visually-hidden">{T.tableCaption(question.title)}</caption>
      <thead>
        <tr>
          <th scope="col">{T.choice}</th>
          <th scope="col">{T.count}</th>
          <th scope="col">{T.share}</th>
        </tr>
      </thead>
      <tbody>
        {question.choices.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: choices are unique per question, but their values may be of any JSON type
          <tr key={i}>
            <th scope="row">{c.label}</th>
            <td>{c.count}</td>
            <td>{pct(c.share)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
