import { useState } from "react";
import { texts } from "../../../lib/i18n";
import { hasChoiceList } from "../lib/choices";
import { isNumberQuestion } from "../lib/limits";
import { elementNames, NAME_PATTERN } from "../lib/names";
import { removeQuestion, renameQuestion, setQuestionProps } from "../lib/questions";
import { isAnswerable, plainText, type ElementJson, type SurveyJson } from "../lib/survey-json";
import { ChoicesEditor } from "./choices-editor";
import { MaxSelectedEditor, NumberRangeEditor } from "./limits-editor";
import { MetricEditor } from "./metric-editor";
import { ShowIfEditor } from "./show-if-editor";
import type { Problem } from "../types";

const T = texts.surveyEditor.question;
const E = texts.surveyEditor.editor;

/**
 * Everything about one question. Its code (name) can change only while it is new in this draft:
 * a published question's name keys the answers already stored.
 */
export function QuestionForm({
  json,
  element,
  update,
  published,
  problems,
  onRenamed,
  onRemoved,
}: {
  json: SurveyJson;
  element: ElementJson;
  update: (next: SurveyJson) => void;
  /** Names of the published version's questions. */
  published: ReadonlySet<string>;
  problems: Problem[];
  onRenamed: (name: string) => void;
  onRemoved: () => void;
}) {
  const typeLabel = E.types[isNumberQuestion(element) ? "number" : element.type] ?? element.type;
  return (
    <form className="se-question" aria-label={T.legend(element.name)} onSubmit={(e) => e.preventDefault()}>
      <h3>{T.legend(element.name)}</h3>
      {problems.length > 0 && (
        <ul className="se-inline-problems">
          {problems.map((p) => (
            <li key={`${p.code}-${p.message}`} className={`se-problem se-problem--${p.level}`}>
              {texts.surveyEditor.problems[p.level]}：{p.message}
            </li>
          ))}
        </ul>
      )}
      <p className="admin-muted">
        {T.type}：{typeLabel}
      </p>
      {!published.has(element.name) && <NameField json={json} element={element} update={update} onRenamed={onRenamed} />}
      {isAnswerable(element) && (
        <>
          <label className="se-field">
            {T.title}
            <input
              value={plainText(element.title)}
              onChange={(e) => update(setQuestionProps(json, element.name, { title: e.target.value }))}
            />
          </label>
          <label className="se-field">
            {T.description}
            <textarea
              rows={2}
              value={plainText(element.description)}
              onChange={(e) => update(setQuestionProps(json, element.name, { description: e.target.value }))}
            />
          </label>
          <label className="se-check">
            <input
              type="checkbox"
              checked={element.isRequired === true}
              onChange={(e) => update(setQuestionProps(json, element.name, { isRequired: e.target.checked }))}
            />
            {T.required}
          </label>
        </>
      )}
      {hasChoiceList(element) && <ChoicesEditor json={json} element={element} update={update} />}
      {element.type === "checkbox" && <MaxSelectedEditor json={json} element={element} update={update} />}
      {isNumberQuestion(element) && <NumberRangeEditor json={json} element={element} update={update} />}
      <ShowIfEditor json={json} element={element} update={update} />
      {isAnswerable(element) && <MetricEditor json={json} element={element} update={update} />}
      <div className="admin-actions">
        <button
          type="button"
          className="button button--small button--ghost"
          onClick={() => {
            if (!window.confirm(E.confirmRemoveQuestion(plainText(element.title) || element.name))) return;
            update(removeQuestion(json, element.name));
            onRemoved();
          }}
        >
          {E.removeQuestion}
        </button>
      </div>
    </form>
  );
}

/** A new question's code; applied when valid and free, so a half-typed name never reaches the JSON. */
function NameField({
  json,
  element,
  update,
  onRenamed,
}: {
  json: SurveyJson;
  element: ElementJson;
  update: (next: SurveyJson) => void;
  onRenamed: (name: string) => void;
}) {
  const [value, setValue] = useState(element.name);
  const taken = value !== element.name && elementNames(json).has(value);
  const invalid = !NAME_PATTERN.test(value);
  const error = invalid ? T.nameInvalid : taken ? T.nameTaken : null;
  return (
    <label className="se-field">
      {T.name}
      <input
        value={value}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={`se-name-${element.name}`}
        onChange={(e) => setValue(e.target.value)}
        onBlur={() => {
          if (error || value === element.name) return;
          update(renameQuestion(json, element.name, value));
          onRenamed(value);
        }}
      />
      <small id={`se-name-${element.name}`} className={error ? "admin-error" : "admin-muted"}>
        {error ?? T.nameHint}
      </small>
    </label>
  );
}
