import { texts } from "../../../lib/i18n";
import { num } from "../lib/format";
import type { QuestionDistribution } from "../types";

const T = texts.distributions;
const FIELDS = ["count", "mean", "min", "q1", "median", "q3", "max"] as const;

/** Count, mean and quartiles of a numeric item or a numeric rating. */
export function NumericSummary({ question }: { question: QuestionDistribution }) {
  const s = question.numeric;
  if (!s) return null;
  return (
    <table className="dist-table dist-numeric" data-testid={`numeric-${question.name}`}>
      <caption className="visually-hidden">{T.numericCaption(question.title)}</caption>
      <thead>
        <tr>
          {FIELDS.map((f) => (
            <th key={f} scope="col">
              {T.numeric[f]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          {FIELDS.map((f) => (
            <td key={f}>{num(s[f])}</td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}
