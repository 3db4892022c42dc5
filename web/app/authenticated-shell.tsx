import type { ReactNode } from "react";
import { Link, useLocation } from "wouter";
import { LogoutButton } from "../features/auth/components/logout-button";
import { useSessionFacts, useSessionUser } from "../features/auth/components/session-context";
import { UserSummary } from "../features/auth/components/user-summary";
import { useUnitName } from "../features/units/hooks/use-unit-name";
import { texts } from "../lib/i18n";

/** Header (app name, navigation, who is signed in, logout) around the office pages. */
export function AuthenticatedShell({ children }: { children: ReactNode }) {
  const user = useSessionUser();
  const facts = useSessionFacts();
  const scopeName = useUnitName(user.scope);
  const [, navigate] = useLocation();
  const navClass = (active: boolean) => (active ? "shell-nav__link is-active" : "shell-nav__link");

  return (
    <div className="shell">
      <header className="shell-header">
        <div className="shell-header__brand">{texts.appName}</div>
        <nav className="shell-nav">
          <Link href="/dashboard" className={navClass}>
            {texts.shell.nav.dashboard}
          </Link>
          <Link href="/dashboard/field" className={navClass}>
            {texts.interview.field.title}
          </Link>
          <Link href="/dashboard/review" className={navClass}>
            {texts.fieldReview.pageTitle}
          </Link>
          {user.role !== "interviewer" && (
            <Link href="/dashboard/issues" className={navClass}>
              {texts.issueList.navLink}
            </Link>
          )}
          {user.role !== "interviewer" && (
            <Link href="/admin" className={navClass}>
              {texts.shell.nav.admin}
            </Link>
          )}
        </nav>
        <div className="shell-header__user">
          <UserSummary user={user} scopeName={scopeName} />
          {facts && <small className="shell-header__idle">{texts.security.idleNote(facts.idleMinutes)}</small>}
          <Link href="/account/password" className="shell-nav__link">
            {texts.admin.password.link}
          </Link>
          <LogoutButton onLoggedOut={() => navigate("/login", { replace: true })} />
        </div>
      </header>
      <main className="shell-main">{children}</main>
    </div>
  );
}
