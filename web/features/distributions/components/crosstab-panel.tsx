import { useId, useState } from "react";
import { texts } from "../../../lib/i18n";
import { useCrosstab } from "../hooks/use-distributions";
import { pct } from "../lib/format";
import type { Audience, CrosstabQuery, DistributionsQuery, SurveyDistributions } from "../types";

const T = texts.distributions;

/** Metric question × profile question: the positive rate per group, with n and Wilson interval. */
export function CrosstabPanel({ survey, query }: { survey: SurveyDistributions; query: DistributionsQuery & { audience: Audience } }) {
  const metrics = survey.questions.filter((q) => q.metric);
  const profiles = survey.questions.filter((q) => q.profile);
  const [picked, setPicked] = useState<{ survey: string; question: string; by: string } | null>(null);
  const current =
    picked?.survey === survey.id ? picked : { survey: survey.id, question: metrics[0]?.name ?? "", by: profiles[0]?.name ?? "" };
  const ids = { question: useId(), by: useId() };
  const ready = current.question !== "" && current.by !== "";
  const crosstab = useCrosstab(ready ? ({ ...query, question: current.question, by: current.by } as CrosstabQuery) : null);
  const body = crosstab.data;

  return (
    <section className="dist-panel" aria-labelledby="crosstab-title" data-testid="crosstab">
      <h3 id="crosstab-title">{T.crosstab}</h3>
      <p className="dist-muted">{T.crosstabIntro}</p>
      {profiles.length === 0 ? (
        <p className="dist-empty">{T.noProfile}</p>
      ) : (
        <div className="dist-pickers">
          <label htmlFor={ids.question}>{T.question}</label>
          <select id={ids.question} value={current.question} onChange={(e) => setPicked({ ...current, question: e.target.value })}>
            {metrics.map((q) => (
              <option key={q.name} value={q.name}>
                {q.title}
              </option>
            ))}
          </select>
          <label htmlFor={ids.by}>{T.by}</label>
          <select id={ids.by} value={current.by} onChange={(e) => setPicked({ ...current, by: e.target.value })}>
            {profiles.map((q) => (
              <option key={q.name} value={q.name}>
                {q.title}
              </option>
            ))}
          </select>
        </div>
      )}
      {crosstab.isError && <p className="dist-error">{T.loadFailed}</p>}
      {body && body.question.name === current.question && body.by.name === current.by && (
        <>
          <table className="dist-table" data-testid="crosstab-table">
            <caption>{T.crosstabCaption(body.question.title, body.by.title)}</caption>
            <thead>
              <tr>
                <th scope="col">{T.column}</th>
                <th scope="col">{T.n}</th>
                <th scope="col">{T.positive}</th>
                <th scope="col">{T.rate}</th>
                <th scope="col">{T.interval}</th>
              </tr>
            </thead>
            <tbody>
              {[...body.columns, { ...body.total, label: T.total }].map((c, i) => (
                <tr
                  // biome-ignore lint/suspicious/noArrayIndexKey: one row per group, in the server's order
                  key={i}
                  className={c.low ? "dist-low" : undefined}
                >
                  <th scope="row">{c.label}</th>
                  <td>{c.n}</td>
                  <td>{c.positive}</td>
                  <td>
                    {pct(c.rate)}
                    {c.low && c.n > 0 && <span className="dist-low-note"> {T.low(c.n)}</span>}
                  </td>
                  <td>{c.ci95 ? `${pct(c.ci95[0])} – ${pct(c.ci95[1])}` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="dist-muted">{T.lowHint(body.minN)}</p>
        </>
      )}
    </section>
  );
}
