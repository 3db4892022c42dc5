import { useEffect } from "react";
import { useLocation, useSearch } from "wouter";
import { LoginForm } from "../../features/auth/components/login-form";
import { afterLogin } from "../../features/auth/lib/role-home";
import { safeNext } from "../../features/auth/lib/safe-next";
import { texts } from "../../lib/i18n";

/** /login — then on to `?next=` (same site only, and one the role can use) or the role's home. */
export default function LoginPage() {
  const [, navigate] = useLocation();
  const next = safeNext(new URLSearchParams(useSearch()).get("next"));
  useEffect(() => {
    document.title = `${texts.auth.loginTitle} · ${texts.appName}`;
  }, []);

  return (
    <div className="login-page">
      <div className="login-card">
        <div className="login-card__brand">{texts.appName}</div>
        <h1 className="login-card__title">{texts.auth.loginTitle}</h1>
        <LoginForm onSignedIn={(user) => navigate(afterLogin(next, user.role), { replace: true })} />
      </div>
    </div>
  );
}
