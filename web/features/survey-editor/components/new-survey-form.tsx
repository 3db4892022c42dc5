import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { errorText } from "../../../lib/http";
import { texts } from "../../../lib/i18n";
import { listTemplates, startNewSurvey } from "../api/drafts";
import type { NewSurveyBody, PublishedSurvey, SurveyDraft } from "../types";

const T = texts.surveyEditor.list;
/** The server's rule for a survey's id (the contract's `^[a-z][a-z0-9-]{2,40}$`). */
export const SURVEY_ID_PATTERN = /^[a-z][a-z0-9-]{2,40}$/;

/** 新建问卷: an id, a title, an audience, and a template or a copy of a survey to start from. */
export function NewSurveyForm({ surveys, onCreated }: { surveys: PublishedSurvey[]; onCreated: (draft: SurveyDraft) => void }) {
  const id = useId();
  const templates = useQuery({ queryKey: ["survey-editor", "templates"], queryFn: listTemplates, retry: false });
  const [form, setForm] = useState({
    surveyId: "",
    title: "",
    audience: "parent" as NewSurveyBody["audience"],
    source: "template" as "template" | "copy",
    from: "",
  });
  const create = useMutation({
    mutationFn: () =>
      startNewSurvey({
        surveyId: form.surveyId,
        title: form.title.trim(),
        audience: form.audience,
        from:
          form.source === "template"
            ? { template: form.from || (templates.data?.[0]?.id ?? "") }
            : { copyOf: form.from || (surveys[0]?.id ?? "") },
      }),
    onSuccess: onCreated,
  });
  const idOk = SURVEY_ID_PATTERN.test(form.surveyId);
  const options = form.source === "template" ? (templates.data ?? []).map((t) => ({ id: t.id, title: t.title })) : surveys;
  return (
    <form
      className="admin-form se-new"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        if (idOk && form.title.trim()) create.mutate();
      }}
    >
      <h3 id={`${id}-title`}>{T.newSurvey}</h3>
      <label>
        {T.newId}
        <input
          value={form.surveyId}
          required
          spellCheck={false}
          aria-describedby={`${id}-hint`}
          aria-invalid={form.surveyId !== "" && !idOk ? true : undefined}
          onChange={(e) => setForm({ ...form, surveyId: e.target.value })}
        />
        <small id={`${id}-hint`} className="admin-muted">
          {T.newIdHint}
        </small>
      </label>
      <label>
        {T.newTitle}
        <input value={form.title} required onChange={(e) => setForm({ ...form, title: e.target.value })} />
      </label>
      <label>
        {T.newAudience}
        <select value={form.audience} onChange={(e) => setForm({ ...form, audience: e.target.value as NewSurveyBody["audience"] })}>
          {Object.entries(texts.surveyEditor.audiences).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="se-radios">
        <legend>{T.from}</legend>
        <label>
          <input
            type="radio"
            name={`${id}-source`}
            checked={form.source === "template"}
            onChange={() => setForm({ ...form, source: "template", from: "" })}
          />
          {T.fromTemplate}
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-source`}
            checked={form.source === "copy"}
            onChange={() => setForm({ ...form, source: "copy", from: "" })}
          />
          {T.fromCopy}
        </label>
      </fieldset>
      <label>
        {form.source === "template" ? T.template : T.copyOf}
        <select value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })}>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.title}
            </option>
          ))}
        </select>
      </label>
      {create.error && (
        <p className="admin-error" role="alert">
          {errorText(create.error)}
        </p>
      )}
      <button type="submit" className="button" disabled={create.isPending || !idOk || !form.title.trim()}>
        {create.isPending ? T.creating : T.create}
      </button>
    </form>
  );
}
