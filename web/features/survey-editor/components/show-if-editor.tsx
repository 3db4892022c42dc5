import { useId, useState } from "react";
import { texts } from "../../../lib/i18n";
import { answerOptions } from "../lib/choices";
import { buildShowIf, parseShowIf, type ShowIfRule } from "../lib/show-if";
import { allQuestions, editElement, setOrDelete, type ChoiceValue, type ElementJson, type SurveyJson } from "../lib/survey-json";
import { elementLabel } from "./question-list";

const T = texts.surveyEditor.showIf;
type Mode = "always" | "byAnswer" | "raw";

/** Questions before this one that have answers to pick from: the only sound sources of a rule. */
function earlierSources(json: SurveyJson, name: string): ElementJson[] {
  const all = allQuestions(json);
  const at = all.findIndex((q) => q.name === name);
  return all.slice(0, at < 0 ? all.length : at).filter((q) => answerOptions(q).length > 0);
}

/**
 * 显示条件: always, a rule built by picking an earlier question and some of its answers, or a raw
 * SurveyJS expression for everything else (the server parses it and checks the names on save).
 */
export function ShowIfEditor({ json, element, update }: { json: SurveyJson; element: ElementJson; update: (next: SurveyJson) => void }) {
  const id = useId();
  const sources = earlierSources(json, element.name);
  const expression = typeof element.visibleIf === "string" ? element.visibleIf : "";
  const parsed = parseShowIf(expression);
  const fits = parsed !== null && sources.some((q) => q.name === parsed.question);
  const [mode, setMode] = useState<Mode>(!expression ? "always" : fits ? "byAnswer" : "raw");
  const rule: ShowIfRule = fits ? parsed : { question: "", values: [], negate: false };
  const source = sources.find((q) => q.name === rule.question);

  const write = (visibleIf: string) => update(editElement(json, element.name, (el) => setOrDelete(el, "visibleIf", visibleIf)));
  const writeRule = (next: ShowIfRule) => write(buildShowIf(next));
  const toggle = (value: ChoiceValue, on: boolean) =>
    writeRule({ ...rule, values: on ? [...rule.values, value] : rule.values.filter((v) => v !== value) });

  return (
    <fieldset className="se-fieldset">
      <legend>{T.legend}</legend>
      <div className="se-radios" role="radiogroup" aria-label={T.legend}>
        {(["always", "byAnswer", "raw"] as const).map((m) => (
          <label key={m}>
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === m}
              onChange={() => {
                setMode(m);
                if (m === "always") write("");
                if (m === "byAnswer" && !fits) write("");
              }}
            />
            {T[m]}
          </label>
        ))}
      </div>
      {mode === "byAnswer" &&
        (sources.length === 0 ? (
          <p className="admin-muted">{T.noEarlierQuestions}</p>
        ) : (
          <div className="se-rule">
            <label className="se-field">
              {T.sourceQuestion}
              <select value={rule.question} onChange={(e) => writeRule({ question: e.target.value, values: [], negate: rule.negate })}>
                <option value="">{T.pickQuestion}</option>
                {sources.map((q) => (
                  <option key={q.name} value={q.name}>
                    {elementLabel(q)}（{q.name}）
                  </option>
                ))}
              </select>
            </label>
            {source && (
              <>
                <div className="se-radios" role="radiogroup" aria-label={T.answers}>
                  <label>
                    <input type="radio" name={`${id}-neg`} checked={!rule.negate} onChange={() => writeRule({ ...rule, negate: false })} />
                    {T.matchAny}
                  </label>
                  <label>
                    <input type="radio" name={`${id}-neg`} checked={rule.negate} onChange={() => writeRule({ ...rule, negate: true })} />
                    {T.matchNone}
                  </label>
                </div>
                <fieldset className="se-checks">
                  <legend>{T.answers}</legend>
                  {answerOptions(source).map((o) => (
                    <label key={String(o.value)}>
                      <input type="checkbox" checked={rule.values.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
                      {o.text}
                    </label>
                  ))}
                </fieldset>
              </>
            )}
            {expression && <p className="admin-muted">{T.preview(expression)}</p>}
          </div>
        ))}
      {mode === "raw" && (
        <label className="se-field">
          {T.expression}
          <textarea
            rows={2}
            value={expression}
            spellCheck={false}
            onChange={(e) => write(e.target.value)}
            aria-describedby={`${id}-hint`}
          />
          <small id={`${id}-hint`} className="admin-muted">
            {T.expressionHint}
          </small>
        </label>
      )}
    </fieldset>
  );
}
