import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { PRIVACY_NOTICE_KEYS, PRIVACY_NOTICE_LIMITS, type PrivacyNotice } from "../../../../server/contracts/privacy-notice-defaults";
import { texts } from "../../../lib/i18n";
import { getPrivacyNotice, putPrivacyNotice } from "../api/settings";
import { adminQuery } from "../lib/admin-query";

const T = texts.admin.privacy;

/**
 * The privacy notice texts (issue 19) over GET/PUT /api/v1/settings/privacy-notice: the four
 * texts with their length limits (the server checks the same limits; the counter says so before
 * saving), and when they last changed.
 */
export function PrivacyNoticeForm() {
  const current = useQuery({ queryKey: ["privacy-notice"], queryFn: getPrivacyNotice, ...adminQuery });
  // Kept here: the editor starts afresh from the saved texts, the confirmation stays.
  const [note, setNote] = useState<string | null>(null);
  if (!current.data)
    return <p className="admin-panel">{current.error ? texts.admin.loadFailed(current.error.message) : texts.admin.loading}</p>;
  return (
    <Editor
      key={current.data.updatedAt ?? "defaults"}
      initial={current.data}
      note={note}
      setNote={setNote}
      onSaved={() => void current.refetch()}
    />
  );
}

function Editor(props: {
  initial: PrivacyNotice & { updatedAt: string | null };
  note: string | null;
  setNote: (note: string | null) => void;
  onSaved: () => void;
}) {
  const { initial, note, setNote, onSaved } = props;
  const [values, setValues] = useState<PrivacyNotice>(() => ({
    respondentSummary: initial.respondentSummary,
    respondentFull: initial.respondentFull,
    interviewGpsConsent: initial.interviewGpsConsent,
    interviewOpeningGps: initial.interviewOpeningGps,
  }));
  const save = useMutation({
    mutationFn: putPrivacyNotice,
    onMutate: () => setNote(null),
    onSuccess: () => {
      setNote(texts.admin.saved);
      onSaved();
    },
  });
  const tooLong = PRIVACY_NOTICE_KEYS.some((k) => values[k].trim().length > PRIVACY_NOTICE_LIMITS[k]);
  const empty = PRIVACY_NOTICE_KEYS.some((k) => values[k].trim() === "");

  return (
    <section className="admin-panel">
      <p>{T.intro}</p>
      <p className="muted">{initial.updatedAt ? T.lastChanged(new Date(initial.updatedAt).toLocaleString("zh-CN")) : T.defaults}</p>
      <form
        className="admin-form admin-form--texts"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(values);
        }}
      >
        {PRIVACY_NOTICE_KEYS.map((key) => {
          const id = `privacy-${key}`;
          const max = PRIVACY_NOTICE_LIMITS[key];
          const length = values[key].trim().length;
          return (
            <div key={key} className="admin-field">
              <label htmlFor={id}>{T.fields[key]}</label>
              <textarea
                id={id}
                name={key}
                rows={key === "respondentFull" ? 10 : 3}
                value={values[key]}
                aria-describedby={`${id}-hint`}
                aria-invalid={length > max || length === 0}
                onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
              />
              <p id={`${id}-hint`} className={length > max ? "admin-error" : "muted"}>
                {T.hints[key]} {T.count(length, max)}
              </p>
            </div>
          );
        })}
        <button className="button" type="submit" disabled={save.isPending || tooLong || empty}>
          {T.submit}
        </button>
      </form>
      {note && (
        <p className="admin-ok" role="status">
          {note}
        </p>
      )}
      {save.error && <p className="admin-error">{save.error.message}</p>}
    </section>
  );
}
