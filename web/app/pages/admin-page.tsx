import { useEffect, type ReactNode } from "react";
import { Link, useRoute } from "wouter";
import { useSessionUser } from "../../features/auth/components/session-context";
import { AuditPanel } from "../../features/admin/components/audit-panel";
import { LoginsPanel } from "../../features/admin/components/logins-panel";
import { FlaggedPanel } from "../../features/admin/components/flagged-panel";
import { ImportPanel } from "../../features/admin/components/import-panel";
import { RetentionPanel } from "../../features/admin/components/retention-panel";
import { PostersPanel } from "../../features/admin/components/posters-panel";
import { PrivacyNoticeForm } from "../../features/admin/components/privacy-notice-form";
import { ThresholdsForm } from "../../features/admin/components/thresholds-form";
import { SubjectsPanel } from "../../features/admin/components/subjects-panel";
import { UsersPanel } from "../../features/admin/components/users-panel";
import { VersionsPanel } from "../../features/admin/components/versions-panel";
import { WebhooksPanel } from "../../features/admin/components/webhooks-panel";
import { SurveyListPanel } from "../../features/survey-editor/components/survey-list-panel";
import "../../features/admin/admin.css";
import { texts } from "../../lib/i18n";
import type { Role } from "../../../server/contracts/roles";

const T = texts.admin;
type Section = keyof typeof T.tabs;
const SECTIONS: Record<Section, () => ReactNode> = {
  units: () => <ImportPanel />,
  users: () => <UsersPanel />,
  posters: () => <PostersPanel />,
  surveys: () => <VersionsPanel />,
  editor: () => <SurveyListPanel />,
  flagged: () => <FlaggedPanel />,
  thresholds: () => <ThresholdsForm />,
  privacy: () => <PrivacyNoticeForm />,
  webhooks: () => <WebhooksPanel />,
  subjects: () => <SubjectsPanel />,
  retention: () => <RetentionPanel />,
  audit: () => <AuditPanel />,
  logins: () => <LoginsPanel />,
};

/**
 * Who may open each section: what the server lets the role do there. Office users make and
 * revoke posters for their own scope (the poster routes allow admin and office); the rest is admin's.
 */
const SECTION_ROLES: Record<Section, readonly Role[]> = {
  units: ["admin"],
  users: ["admin"],
  posters: ["admin", "office"],
  surveys: ["admin"],
  editor: ["admin"],
  flagged: ["admin"],
  thresholds: ["admin"],
  privacy: ["admin"],
  webhooks: ["admin"],
  subjects: ["admin"],
  retention: ["admin"],
  audit: ["admin"],
  logins: ["admin"],
};

/** The sections a role may open, in tab order. */
export function sectionsFor(role: Role): Section[] {
  return (Object.keys(SECTIONS) as Section[]).filter((s) => SECTION_ROLES[s].includes(role));
}

/** /admin and /admin/:section: units, users, posters, survey versions, the questionnaire editor, flag review, thresholds, privacy notice, webhooks, data subject requests, retention, audit log, sign-in records. */
export function AdminPage() {
  const user = useSessionUser();
  const [, params] = useRoute<{ section: string }>("/admin/:section");
  const allowed = sectionsFor(user.role);
  const asked = params?.section && params.section in SECTIONS ? (params.section as Section) : null;
  const section = asked ?? allowed[0] ?? "units";
  useEffect(() => {
    document.title = `${T.tabs[section]} · ${T.title} · ${texts.appName}`;
  }, [section]);
  if (!allowed.includes(section)) return <p className="admin-panel">{allowed.length ? T.notYourSection : T.adminOnly}</p>;
  return (
    <section>
      <nav className="admin-tabs">
        {allowed.map((s) => (
          <Link key={s} href={`/admin/${s}`} className={s === section ? "is-active" : undefined}>
            {T.tabs[s]}
          </Link>
        ))}
      </nav>
      {SECTIONS[section]()}
    </section>
  );
}
