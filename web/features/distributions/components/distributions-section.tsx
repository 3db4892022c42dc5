import { useId, useState } from "react";
import { useSearch } from "wouter";
import { texts } from "../../../lib/i18n";
import { useDistributions } from "../hooks/use-distributions";
import { AUDIENCES, distributionsQuery, viewFiltersFrom } from "../lib/view-filters";
import type { Audience } from "../types";
import { CrosstabPanel } from "./crosstab-panel";
import { QuestionCard } from "./question-card";
import "../distributions.css";

const T = texts.distributions;

/**
 * 题目分布: how the unit's respondents answered every question of one survey under the
 * dashboard's filters (its URL), and the cross-tab. The survey is the view's audience, or picked
 * here when the view covers all audiences.
 */
export function DistributionsSection({ scope }: { scope: string }) {
  const filters = viewFiltersFrom(useSearch(), scope);
  const [chosen, setChosen] = useState<Audience>("resident");
  const audience = filters.audience ?? chosen;
  const query = distributionsQuery(filters, audience);
  const { data, isError } = useDistributions(query);
  const pickerId = useId();
  const survey = data?.surveys.find((s) => s.id === audience);

  return (
    <section className="dist" aria-labelledby="dist-title" data-testid="distributions">
      <div className="dist-panel">
        <h2 id="dist-title">{T.title}</h2>
        <p className="dist-muted">{T.intro}</p>
        {!filters.audience && (
          <p className="dist-pickers">
            <label htmlFor={pickerId}>{T.survey}</label>
            <select id={pickerId} value={chosen} onChange={(e) => setChosen(e.target.value as Audience)}>
              {AUDIENCES.map((a) => (
                <option key={a} value={a}>
                  {T.surveys[a]}
                </option>
              ))}
            </select>
          </p>
        )}
        {isError && !data && <p className="dist-error">{T.loadFailed}</p>}
        {!data && !isError && <p className="page-status">{texts.common.loading}</p>}
        {survey && <p data-testid="dist-responses">{T.responses(survey.responses)}</p>}
      </div>
      {survey && (
        <>
          <CrosstabPanel survey={survey} query={query} />
          <div className="dist-panel dist-grid">
            {survey.questions.map((q) => (
              <QuestionCard key={q.name} question={q} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
