import { useState, type FormEvent } from "react";
import { texts } from "../../../lib/i18n";
import { changeOwnPassword } from "../../../lib/session/api";

const T = texts.admin.password;

/** Every user changes their own password by giving the current one. */
export function PasswordForm() {
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    setNote(null);
    setError(null);
    if (f.get("next") !== f.get("repeat")) return setError(T.mismatch);
    try {
      await changeOwnPassword(String(f.get("current")), String(f.get("next")));
      form.reset();
      setNote(T.done);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }
  return (
    <form className="admin-form" onSubmit={(e) => void onSubmit(e)}>
      <label>
        {T.current}
        <input name="current" type="password" required autoComplete="current-password" />
      </label>
      <label>
        {T.next}
        <input name="next" type="password" minLength={8} required autoComplete="new-password" />
      </label>
      <label>
        {T.repeat}
        <input name="repeat" type="password" minLength={8} required autoComplete="new-password" />
      </label>
      <button className="button" type="submit">
        {T.submit}
      </button>
      {note && (
        <p className="admin-ok" role="status">
          {note}
        </p>
      )}
      {error && <p className="admin-error">{error}</p>}
    </form>
  );
}
