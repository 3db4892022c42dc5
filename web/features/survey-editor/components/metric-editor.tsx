import { METRICS, type Metric } from "../../../../surveys/metrics";
import { texts } from "../../../lib/i18n";
import { answerOptions } from "../lib/choices";
import { canCarryMetric, metricTags, setExcluded, setMetric, setPositive, setScore } from "../lib/metric-tags";
import type { ChoiceValue, ElementJson, SurveyJson } from "../lib/survey-json";

const T = texts.surveyEditor.metric;

/** The metric tags of docs/design.md §5 in plain words: which metric, which answers count, which are left out, the scores. */
export function MetricEditor({ json, element, update }: { json: SurveyJson; element: ElementJson; update: (next: SurveyJson) => void }) {
  const tags = metricTags(element);
  const options = answerOptions(element);
  if (!canCarryMetric(element)) {
    return (
      <fieldset className="se-fieldset">
        <legend>{T.legend}</legend>
        <p className="admin-muted">{T.notSingleValued}</p>
      </fieldset>
    );
  }
  const pick = (list: ChoiceValue[], value: ChoiceValue, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));
  return (
    <fieldset className="se-fieldset">
      <legend>{T.legend}</legend>
      <label className="se-field">
        {T.metric}
        <select
          value={tags.metric ?? ""}
          onChange={(e) => update(setMetric(json, element.name, (e.target.value || null) as Metric | null))}
        >
          <option value="">{T.none}</option>
          {METRICS.map((m) => (
            <option key={m} value={m}>
              {T.names[m]}
            </option>
          ))}
        </select>
      </label>
      {tags.metric && options.length === 0 && <p className="admin-muted">{T.noChoices}</p>}
      {tags.metric && options.length > 0 && (
        <>
          <fieldset className="se-checks" data-testid="positive-choices">
            <legend>{T.positiveQuestion[tags.metric]}</legend>
            {options.map((o) => (
              <label key={String(o.value)}>
                <input
                  type="checkbox"
                  checked={tags.positive.includes(o.value)}
                  onChange={(e) => update(setPositive(json, element.name, pick(tags.positive, o.value, e.target.checked)))}
                />
                {o.text}
              </label>
            ))}
          </fieldset>
          <fieldset className="se-checks">
            <legend>{T.excludedQuestion}</legend>
            <p className="admin-muted">{T.excludedHint}</p>
            {options.map((o) => (
              <label key={String(o.value)}>
                <input
                  type="checkbox"
                  checked={tags.excluded.includes(o.value)}
                  onChange={(e) => update(setExcluded(json, element.name, pick(tags.excluded, o.value, e.target.checked)))}
                />
                {o.text}
              </label>
            ))}
          </fieldset>
          {tags.metric === "satisfaction" && (
            <fieldset className="se-checks se-scores">
              <legend>{T.scores}</legend>
              {options.map((o) => {
                const score = tags.scores[String(o.value)];
                return (
                  <label key={String(o.value)}>
                    {o.text}
                    <input
                      type="number"
                      min={0}
                      max={100}
                      aria-label={T.scoreOf(o.text)}
                      value={score ?? ""}
                      onChange={(e) => {
                        const raw = e.target.value.trim();
                        const n = raw === "" ? null : Number(raw);
                        if (n !== null && (!Number.isFinite(n) || n < 0 || n > 100)) return;
                        update(setScore(json, element.name, o.value, n));
                      }}
                    />
                  </label>
                );
              })}
            </fieldset>
          )}
        </>
      )}
    </fieldset>
  );
}
