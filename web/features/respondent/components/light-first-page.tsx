/**
 * The first page as plain inputs until the SurveyJS chunk is in (issue 18): the same markup and
 * classes as the server's (server/pages/first-page-html.ts), so React replacing the server's HTML
 * moves nothing, and the answers typed here go into the draft, from which survey-react-ui starts.
 */
import { useState } from "react";
import { lightAnswers, lightFieldName, type LightFirstPage, type LightQuestion } from "../../../../surveys/first-page";
import { texts } from "../../../lib/i18n";

type Raw = Record<number, string[]>;

/** Form values (choice indexes, typed text) back from answers in SurveyJS's shape. */
function toRaw(page: LightFirstPage, data: Record<string, unknown>): Raw {
  const raw: Raw = {};
  page.questions.forEach((q, index) => {
    const value = data[q.name];
    if (value === undefined) return;
    if (q.kind === "text") raw[index] = [String(value)];
    else {
      const values = Array.isArray(value) ? value : [value];
      raw[index] = q.choices.flatMap((c, i) => (values.includes(c.value) ? [String(i)] : []));
    }
  });
  return raw;
}

export function LightFirstPageForm({
  page,
  initialData,
  onChange,
}: {
  page: LightFirstPage;
  initialData: Record<string, unknown>;
  onChange: (data: Record<string, unknown>) => void;
}) {
  const [raw, setRaw] = useState(() => toRaw(page, initialData));
  const set = (index: number, values: string[]) => {
    const next = { ...raw, [index]: values };
    setRaw(next);
    // Answers to other questions (a restored draft's) stay; this page's are what the form says now,
    // so a choice taken back is gone from the draft too.
    const others = Object.fromEntries(Object.entries(initialData).filter(([name]) => !page.questions.some((q) => q.name === name)));
    onChange({ ...others, ...lightAnswers(page, (i) => next[i] ?? []) });
  };
  return (
    <form className="first-page" id="cw-first-page" data-first-page="" noValidate onSubmit={(e) => e.preventDefault()}>
      {page.surveyTitle && <h2 className="first-page__survey-title">{page.surveyTitle}</h2>}
      {page.surveyDescription && <p className="first-page__description">{page.surveyDescription}</p>}
      {page.pageTitle && <h3 className="first-page__page-title">{page.pageTitle}</h3>}
      {page.questions.map((q, index) => (
        <Question key={q.name} question={q} index={index} numbered={page.numbered} values={raw[index] ?? []} onChange={set} />
      ))}
      <p className="first-page__loading" role="status">
        {texts.respondent.loadingQuestions}
      </p>
    </form>
  );
}

function Question({
  question: q,
  index,
  numbered,
  values,
  onChange,
}: {
  question: LightQuestion;
  index: number;
  numbered: boolean;
  values: string[];
  onChange: (index: number, values: string[]) => void;
}) {
  const field = lightFieldName(index);
  const title = (
    <>
      {numbered && <span className="first-page__number">{index + 1}.</span>}
      {numbered && " "}
      {q.title}
      {q.required && " "}
      {q.required && (
        <span className="first-page__required" aria-hidden="true">
          *
        </span>
      )}
    </>
  );
  if (q.kind === "text") {
    return (
      <div className="first-page__question" data-question={index}>
        <label className="first-page__title" htmlFor={field}>
          {title}
        </label>
        <input
          id={field}
          name={field}
          className="first-page__input"
          type={q.inputType}
          inputMode={q.inputType === "number" ? "numeric" : undefined}
          min={q.inputType === "number" ? q.min : undefined}
          max={q.inputType === "number" ? q.max : undefined}
          step={q.inputType === "number" ? q.step : undefined}
          required={q.required}
          value={values[0] ?? ""}
          onChange={(e) => onChange(index, [e.target.value])}
        />
      </div>
    );
  }
  const radio = q.kind === "radiogroup";
  return (
    <fieldset className="first-page__question" data-question={index}>
      <legend className="first-page__title">{title}</legend>
      <div className="first-page__choices">
        {q.choices.map((c, i) => {
          const value = String(i);
          const checked = values.includes(value);
          return (
            <label key={value} className="first-page__choice">
              <input
                type={radio ? "radio" : "checkbox"}
                name={field}
                value={value}
                checked={checked}
                required={radio && q.required}
                onChange={() => onChange(index, radio ? [value] : checked ? values.filter((v) => v !== value) : [...values, value])}
              />
              <span>{c.text}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
