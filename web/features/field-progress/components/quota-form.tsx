import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { texts } from "../../../lib/i18n";
import { ApiError } from "../../../lib/http";
import { UnitPicker } from "../../../lib/ui/unit-picker";
import { setQuotas } from "../api/get-field-plan";

const T = texts.fieldPlan.form;
const SURVEYS = ["resident", "shopkeeper", "parent"];

/**
 * 设置调查任务: a supervisor sets one interviewer's daily target for a community or school and
 * questionnaire over a range of days (PUT /quotas), or clears it; the plan table reloads after.
 * The server checks scope, audience and the interviewer and says why in Chinese when it refuses.
 */
export function QuotaForm() {
  const client = useQueryClient();
  const [unit, setUnit] = useState("");
  const [form, setForm] = useState({ interviewer: "", surveyId: "resident", from: "", to: "", target: "" });
  const [note, setNote] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (remove: boolean) =>
      setQuotas({ unitCode: unit, ...form, to: form.to || form.from, target: remove ? null : Number(form.target) }),
    onMutate: () => setNote(null),
    onSuccess: async (body, remove) => {
      setNote(remove ? T.removed : T.saved(body.items.length));
      await client.invalidateQueries({ queryKey: ["field-plan"] });
    },
  });
  const error = save.error ? T.failed(save.error instanceof ApiError ? save.error.message : String(save.error)) : null;
  const field = (key: keyof typeof form) => ({
    name: key,
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });

  return (
    <section className="fp-quota-form" aria-labelledby="fp-quota-title">
      <h2 id="fp-quota-title">{T.title}</h2>
      <p className="muted">{T.intro}</p>
      <form
        className="fp-filters"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(false);
        }}
      >
        <label htmlFor="quota-unit">
          {T.unit}
          <UnitPicker id="quota-unit" label={T.unit} value={unit} onChange={setUnit} kinds={["community", "school"]} required />
        </label>
        <label>
          {T.interviewer}
          <input {...field("interviewer")} required maxLength={64} autoComplete="off" />
        </label>
        <label>
          {T.survey}
          <select {...field("surveyId")}>
            {SURVEYS.map((s) => (
              <option key={s} value={s}>
                {texts.fieldPlan.surveys[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {T.from}
          <input type="date" {...field("from")} required />
        </label>
        <label>
          {T.to}
          <input type="date" {...field("to")} />
        </label>
        <label>
          {T.target}
          <input type="number" min={0} max={500} step={1} inputMode="numeric" {...field("target")} required />
        </label>
        <button type="submit" className="button" disabled={save.isPending}>
          {T.save}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={save.isPending || !unit || !form.interviewer || !form.from}
          onClick={() => save.mutate(true)}
        >
          {T.remove}
        </button>
      </form>
      {note && (
        <p className="notice notice-info" role="status">
          {note}
        </p>
      )}
      {error && (
        <p className="notice notice-warning" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
