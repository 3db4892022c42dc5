import { useEffect } from "react";
import { useSessionUser } from "../../features/auth/components/session-context";
import { DraftEditor } from "../../features/survey-editor/components/draft-editor";
import "../../features/admin/admin.css";
import { texts } from "../../lib/i18n";

/** /admin/editor/:draftId — one questionnaire draft in the editor (admins only, as its API). */
export function SurveyEditorPage({ draftId }: { draftId: string }) {
  const user = useSessionUser();
  useEffect(() => {
    document.title = `${texts.surveyEditor.tab} · ${texts.admin.title} · ${texts.appName}`;
  }, []);
  if (user.role !== "admin") return <p className="admin-panel">{texts.admin.adminOnly}</p>;
  return <DraftEditor draftId={draftId} />;
}
