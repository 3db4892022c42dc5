import { useEffect, type ReactNode } from "react";
import { Link, useRoute } from "wouter";
import { useSessionUser } from "../../features/auth/components/session-context";
import { AuditPanel } from "../../features/admin/components/audit-panel";
import { FlaggedPanel } from "../../features/admin/components/flagged-panel";
import { ImportPanel } from "../../features/admin/components/import-panel";
import { PostersPanel } from "../../features/admin/components/posters-panel";
import { ThresholdsForm } from "../../features/admin/components/thresholds-form";
import { UsersPanel } from "../../features/admin/components/users-panel";
import { VersionsPanel } from "../../features/admin/components/versions-panel";
import "../../features/admin/admin.css";
import { texts } from "../../lib/i18n";

const T = texts.admin;
type Section = keyof typeof T.tabs;
const SECTIONS: Record<Section, () => ReactNode> = {
  units: () => <ImportPanel />,
  users: () => <UsersPanel />,
  posters: () => <PostersPanel />,
  surveys: () => <VersionsPanel />,
  flagged: () => <FlaggedPanel />,
  thresholds: () => <ThresholdsForm />,
  audit: () => <AuditPanel />,
};

/** /admin and /admin/:section: units, users, posters, survey versions, flag review, thresholds, audit log. */
export function AdminPage() {
  const user = useSessionUser();
  const [, params] = useRoute<{ section: string }>("/admin/:section");
  const section = (params?.section && params.section in SECTIONS ? params.section : "units") as Section;
  useEffect(() => {
    document.title = `${T.tabs[section]} · ${T.title} · ${texts.appName}`;
  }, [section]);
  if (user.role !== "admin") return <p className="admin-panel">{T.adminOnly}</p>;
  return (
    <section>
      <nav className="admin-tabs">
        {(Object.keys(SECTIONS) as Section[]).map((s) => (
          <Link key={s} href={`/admin/${s}`} className={s === section ? "is-active" : undefined}>
            {T.tabs[s]}
          </Link>
        ))}
      </nav>
      {SECTIONS[section]()}
    </section>
  );
}
