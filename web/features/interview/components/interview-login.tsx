import { useState, type FormEvent } from "react";
import { texts } from "../../../lib/i18n";
import { ApiError, NetworkError } from "../../../lib/http";
import { login } from "../api/session";
import type { InterviewUser } from "../types";

/** Login for the tablet: needs the network once; afterwards the app works offline. */
export function InterviewLogin({ notice, onSignedIn }: { notice: string | null; onSignedIn: (user: InterviewUser) => void }) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await login(username.trim(), password));
    } catch (e) {
      setBusy(false);
      if (e instanceof NetworkError) setError(texts.interview.loginNeedsNetwork);
      else if (e instanceof ApiError && (e.status === 401 || e.status === 422)) setError(texts.auth.badCredentials);
      else if (e instanceof ApiError && e.status === 429) setError(texts.auth.tooMany);
      else setError(texts.auth.unexpectedError(e instanceof Error ? e.message : String(e)));
    }
  }

  return (
    <div className="iv-login">
      <header className="iv-header">
        <span className="iv-header__title">
          {texts.appName} · {texts.interview.title}
        </span>
      </header>
      <form className="iv-card iv-login__form" onSubmit={submit} noValidate>
        <h1>{texts.auth.loginTitle}</h1>
        {notice && (
          <p className="notice notice-warning" role="status">
            {notice}
          </p>
        )}
        <p className="iv-muted">{texts.interview.loginHint}</p>
        <label className="field">
          <span className="field__label">{texts.auth.username}</span>
          <input name="username" autoComplete="username" autoCapitalize="none" value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">{texts.auth.password}</span>
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button--block" disabled={busy || !username || !password}>
          {busy ? texts.auth.submitting : texts.auth.submit}
        </button>
      </form>
    </div>
  );
}
