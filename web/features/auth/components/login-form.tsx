import { texts } from "../../../lib/i18n";
import type { SessionUser } from "../../../lib/session/types";
import { useLogin } from "../../../lib/session/use-login";

/** Username and password; calls `onSignedIn` after the server set the session cookie. */
export function LoginForm({ onSignedIn }: { onSignedIn: (user: SessionUser) => void }) {
  const form = useLogin({ onSignedIn });

  return (
    <form className="login-form" onSubmit={(e) => void form.submit(e)} noValidate>
      <label className="field">
        <span className="field__label">{texts.auth.username}</span>
        <input
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          required
          value={form.username}
          onChange={(e) => form.setUsername(e.target.value)}
        />
      </label>
      <label className="field">
        <span className="field__label">{texts.auth.password}</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={form.password}
          onChange={(e) => form.setPassword(e.target.value)}
        />
      </label>
      {form.error && (
        <p className="form-error" role="alert">
          {form.error}
        </p>
      )}
      <button type="submit" className="button button--block" disabled={!form.canSubmit}>
        {form.busy ? texts.auth.submitting : texts.auth.submit}
      </button>
    </form>
  );
}
