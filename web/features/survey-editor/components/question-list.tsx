import { useState } from "react";
import { texts } from "../../../lib/i18n";
import { elementNames, uniqueName } from "../lib/names";
import { addQuestion, moveQuestion, NEW_QUESTION_TYPES, newQuestion, type NewQuestionType } from "../lib/questions";
import { pagesOf, plainText, type ElementJson, type SurveyJson } from "../lib/survey-json";

const T = texts.surveyEditor.editor;

export const elementLabel = (el: ElementJson) => plainText(el.title) || el.name;

/** The questions of one page: pick one to edit, move it with the arrow buttons, add a new one. */
export function QuestionList({
  json,
  pageName,
  selected,
  onSelect,
  update,
  onOpenBank,
  problemCount,
}: {
  json: SurveyJson;
  pageName: string;
  selected: string | null;
  onSelect: (name: string) => void;
  update: (next: SurveyJson) => void;
  onOpenBank: () => void;
  problemCount: (name: string) => number;
}) {
  const [kind, setKind] = useState<NewQuestionType>("radiogroup");
  const page = pagesOf(json).find((p) => p.name === pageName);
  if (!page) return null;
  const elements = page.elements ?? [];
  const pageTitle = plainText(page.title) || page.name;
  return (
    <section className="se-questions" aria-labelledby="se-questions-title">
      <h3 id="se-questions-title">{T.questions(pageTitle)}</h3>
      {elements.length === 0 && <p className="admin-muted">{T.noQuestions}</p>}
      <ol className="se-list">
        {elements.map((el) => {
          const label = elementLabel(el);
          const problems = problemCount(el.name);
          return (
            <li key={el.name} className={el.name === selected ? "is-selected" : undefined}>
              <button
                type="button"
                className="se-list__pick"
                aria-current={el.name === selected ? "true" : undefined}
                onClick={() => onSelect(el.name)}
              >
                <span className="se-list__title">{label}</span>
                <small className="admin-muted">
                  {T.types[el.type === "text" && el.inputType === "number" ? "number" : el.type] ?? el.type}
                  {typeof el.metric === "string" ? ` · ${texts.surveyEditor.metric.names[el.metric as "awareness"] ?? el.metric}` : ""}
                </small>
                {problems > 0 && (
                  <span className="se-badge">
                    {problems}
                    <span className="visually-hidden">{texts.surveyEditor.problems.error}</span>
                  </span>
                )}
              </button>
              <span className="se-list__tools">
                <button
                  type="button"
                  className="se-icon"
                  aria-label={T.moveQuestionUp(label)}
                  onClick={() => update(moveQuestion(json, el.name, -1))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="se-icon"
                  aria-label={T.moveQuestionDown(label)}
                  onClick={() => update(moveQuestion(json, el.name, 1))}
                >
                  ↓
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <div className="admin-row">
        <label>
          {T.questionType}
          <select value={kind} onChange={(e) => setKind(e.target.value as NewQuestionType)}>
            {NEW_QUESTION_TYPES.map((t) => (
              <option key={t} value={t}>
                {T.types[t]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            const name = uniqueName(`q${elementNames(json).size + 1}`, elementNames(json));
            const added = addQuestion(json, pageName, newQuestion(kind, name, T.newQuestionTitle, T.choicePlaceholder));
            update(added.json);
            onSelect(added.name);
          }}
        >
          {T.addQuestion}
        </button>
        <button type="button" className="button button--small" onClick={onOpenBank}>
          {T.fromBank}
        </button>
      </div>
    </section>
  );
}
