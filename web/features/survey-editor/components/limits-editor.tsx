import { useState } from "react";
import { texts } from "../../../lib/i18n";
import { maxSelected, numberRange, setMaxSelected, setNumberRange, type NumberRange } from "../lib/limits";
import type { ElementJson, SurveyJson } from "../lib/survey-json";

const T = texts.surveyEditor.question;

const readNumber = (s: string): number | null => (s.trim() === "" || !Number.isFinite(Number(s)) ? null : Number(s));

/** 最多选 N 项 of a checkbox question, with the message the respondent reads at the limit. */
export function MaxSelectedEditor({
  json,
  element,
  update,
}: {
  json: SurveyJson;
  element: ElementJson;
  update: (next: SurveyJson) => void;
}) {
  const current = maxSelected(element);
  return (
    <div className="se-field">
      <label>
        {T.maxSelected}
        <input
          type="number"
          min={1}
          step={1}
          inputMode="numeric"
          value={current ?? ""}
          onChange={(e) => {
            const n = readNumber(e.target.value);
            if (n !== null && (!Number.isInteger(n) || n < 1)) return;
            update(setMaxSelected(json, element.name, n, T.maxSelectedMessage));
          }}
        />
      </label>
    </div>
  );
}

/**
 * A number question's range and its message. Typed values stay in the form until they make a
 * valid range (a minimum above the maximum is never saved); a message the person did not write
 * follows the range.
 */
export function NumberRangeEditor({
  json,
  element,
  update,
}: {
  json: SurveyJson;
  element: ElementJson;
  update: (next: SurveyJson) => void;
}) {
  const stored = numberRange(element);
  const [form, setForm] = useState({
    min: stored.min === null ? "" : String(stored.min),
    max: stored.max === null ? "" : String(stored.max),
    message: stored.message,
  });
  const min = readNumber(form.min);
  const max = readNumber(form.max);
  const invalid = min !== null && max !== null && min > max;
  const apply = (next: typeof form) => {
    const lo = readNumber(next.min);
    const hi = readNumber(next.max);
    const defaultBefore = T.rangeMessageDefault(form.min, form.max);
    const message =
      next.message === form.message && (form.message === "" || form.message === defaultBefore) && (lo !== null || hi !== null)
        ? T.rangeMessageDefault(next.min, next.max)
        : next.message;
    const withMessage = { ...next, message };
    setForm(withMessage);
    if (lo !== null && hi !== null && lo > hi) return;
    const range: NumberRange = { min: lo, max: hi, message };
    update(setNumberRange(json, element.name, range));
  };
  return (
    <fieldset className="se-fieldset">
      <legend>{T.numberRange}</legend>
      <div className="admin-row">
        <label>
          {T.min}
          <input
            type="number"
            value={form.min}
            onChange={(e) => apply({ ...form, min: e.target.value })}
            aria-invalid={invalid || undefined}
          />
        </label>
        <label>
          {T.max}
          <input
            type="number"
            value={form.max}
            onChange={(e) => apply({ ...form, max: e.target.value })}
            aria-invalid={invalid || undefined}
          />
        </label>
      </div>
      <label className="se-field">
        {T.rangeMessage}
        <input value={form.message} onChange={(e) => apply({ ...form, message: e.target.value })} />
      </label>
      {invalid && (
        <p className="admin-error" role="alert">
          {T.rangeInvalid}
        </p>
      )}
    </fieldset>
  );
}
