import { useEffect } from "react";
import { PasswordForm } from "../../features/admin/components/password-form";
import { useSessionFacts } from "../../features/auth/components/session-context";
import "../../features/admin/admin.css";
import { texts } from "../../lib/i18n";

/** /account/password: every signed-in user changes their own password. */
export function AccountPasswordPage() {
  const facts = useSessionFacts();
  useEffect(() => {
    document.title = `${texts.admin.password.title} · ${texts.appName}`;
  }, []);
  return (
    <section className="admin-panel">
      <h1>{texts.admin.password.title}</h1>
      <PasswordForm expired={facts?.passwordExpired ?? false} />
    </section>
  );
}
