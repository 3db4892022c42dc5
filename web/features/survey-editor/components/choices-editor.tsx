import { useState } from "react";
import { texts } from "../../../lib/i18n";
import { addChoice, moveChoice, normaliseChoice, removeChoice, renameChoice } from "../lib/choices";
import { plainText, type ElementJson, type SurveyJson } from "../lib/survey-json";

const T = texts.surveyEditor.question;

/** Choice labels, order, adding and removing; each shows its stored value, which never changes. */
export function ChoicesEditor({ json, element, update }: { json: SurveyJson; element: ElementJson; update: (next: SurveyJson) => void }) {
  const [draft, setDraft] = useState("");
  const choices = (element.choices ?? []).map(normaliseChoice);
  const add = () => {
    if (!draft.trim()) return;
    update(addChoice(json, element.name, draft.trim()).json);
    setDraft("");
  };
  return (
    <fieldset className="se-fieldset">
      <legend>{T.choices}</legend>
      <p className="admin-muted">{T.valueKept}</p>
      <ol className="se-choices">
        {choices.map((choice, i) => {
          const text = plainText(choice.text ?? String(choice.value));
          return (
            <li key={String(choice.value)}>
              <input
                aria-label={T.choiceText(i + 1)}
                value={plainText(choice.text ?? "")}
                onChange={(e) => update(renameChoice(json, element.name, choice.value, e.target.value))}
              />
              <code className="se-value">{T.storedValue(String(choice.value))}</code>
              <button
                type="button"
                className="se-icon"
                aria-label={T.moveChoiceUp(text)}
                disabled={i === 0}
                onClick={() => update(moveChoice(json, element.name, choice.value, -1))}
              >
                ↑
              </button>
              <button
                type="button"
                className="se-icon"
                aria-label={T.moveChoiceDown(text)}
                disabled={i === choices.length - 1}
                onClick={() => update(moveChoice(json, element.name, choice.value, 1))}
              >
                ↓
              </button>
              <button
                type="button"
                className="se-icon"
                aria-label={T.removeChoice(text)}
                onClick={() => update(removeChoice(json, element.name, choice.value))}
              >
                ×
              </button>
            </li>
          );
        })}
      </ol>
      <div className="admin-row">
        <input
          aria-label={T.newChoice}
          placeholder={T.newChoice}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="button button--small" onClick={add} disabled={!draft.trim()}>
          {T.addChoice}
        </button>
      </div>
    </fieldset>
  );
}
