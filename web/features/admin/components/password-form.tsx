import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { errorText } from "../../../lib/http";
import { texts } from "../../../lib/i18n";
import { changeOwnPassword } from "../../../lib/session/api";
import { PasswordRules, usePasswordMinLength } from "../../../lib/ui/password-rules";

const T = texts.admin.password;

/**
 * Every user changes their own password by giving the current one; the server's rules show under
 * the field. `expired`: the password is past PASSWORD_MAX_AGE_DAYS and this is the only page left.
 */
export function PasswordForm({ expired = false }: { expired?: boolean }) {
  const queryClient = useQueryClient();
  const minLength = usePasswordMinLength();
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
      // The session answer changes (no longer expired): the other pages open again.
      await queryClient.invalidateQueries({ queryKey: ["session", "me"] });
    } catch (err) {
      setError(errorText(err));
    }
  }
  return (
    <form className="admin-form" onSubmit={(e) => void onSubmit(e)}>
      {expired && (
        <p className="admin-error" role="alert">
          {texts.security.expired}
        </p>
      )}
      <label>
        {T.current}
        <input name="current" type="password" required autoComplete="current-password" />
      </label>
      <label>
        {T.next}
        <input name="next" type="password" minLength={minLength} required autoComplete="new-password" aria-describedby="password-rules" />
      </label>
      <PasswordRules id="password-rules" />
      <label>
        {T.repeat}
        <input name="repeat" type="password" minLength={minLength} required autoComplete="new-password" />
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
