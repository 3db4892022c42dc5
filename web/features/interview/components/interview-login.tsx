import { texts } from "../../../lib/i18n";
import type { SessionUser } from "../../../lib/session/types";
import { useLogin } from "../../../lib/session/use-login";

/** Login for the tablet: needs the network once; afterwards the app works offline. */
export function InterviewLogin({ notice, onSignedIn }: { notice: string | null; onSignedIn: (user: SessionUser) => void | Promise<void> }) {
  const form = useLogin({ onSignedIn, networkErrorText: texts.interview.loginNeedsNetwork });

  return (
    <div className="iv-login">
      <header className="iv-header">
        <span className="iv-header__title">
          {texts.appName} · {texts.interview.title}
        </span>
      </header>
      <form className="iv-card iv-login__form" onSubmit={(e) => void form.submit(e)} noValidate>
        <h1>{texts.auth.loginTitle}</h1>
        {notice && (
          <p className="notice notice-warning" role="status">
            {notice}
          </p>
        )}
        <p className="iv-muted">{texts.interview.loginHint}</p>
        <label className="field">
          <span className="field__label">{texts.auth.username}</span>
          <input
            name="username"
            autoComplete="username"
            autoCapitalize="none"
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
    </div>
  );
}
