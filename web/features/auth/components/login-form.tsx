import { useState, type FormEvent } from "react";
import { texts } from "../../../lib/i18n";
import { ApiError, NetworkError } from "../../../lib/http";
import { login } from "../api/login";
import type { SessionUser } from "../types";

/** Username and password; calls `onSignedIn` after the server set the session cookie. */
export function LoginForm({ onSignedIn }: { onSignedIn: (user: SessionUser) => void }) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await login({ username: username.trim(), password }));
    } catch (e) {
      setError(describe(e));
      setBusy(false);
    }
  }

  return (
    <form className="login-form" onSubmit={submit} noValidate>
      <label className="field">
        <span className="field__label">{texts.auth.username}</span>
        <input
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
      </label>
      <label className="field">
        <span className="field__label">{texts.auth.password}</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
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
  );
}

function describe(error: unknown): string {
  if (error instanceof ApiError) {
    // 422: a name or password the server's contract refuses (too long, only spaces) cannot be right.
    if (error.status === 401 || error.status === 400 || error.status === 422) return texts.auth.badCredentials;
    if (error.status === 429) return texts.auth.tooMany;
    return texts.auth.unexpectedError(error.message);
  }
  if (error instanceof NetworkError) return texts.auth.networkError;
  return texts.auth.unexpectedError(String(error));
}
