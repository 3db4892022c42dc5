import { useEffect } from "react";
import { useSearch } from "wouter";
import { PreviewPageView } from "../../features/survey-editor/components/preview-page-view";
import { texts } from "../../lib/i18n";

/**
 * /survey-preview/:draftId?mode=phone|tablet — a draft as the runner shows it, on its own page
 * (no office shell) because the editor shows it in an iframe of the device's width.
 */
export default function SurveyPreviewPage({ draftId }: { draftId: string }) {
  const mode = new URLSearchParams(useSearch()).get("mode") === "tablet" ? "tablet" : "phone";
  useEffect(() => {
    document.title = `${mode === "phone" ? texts.surveyEditor.preview.phone : texts.surveyEditor.preview.tablet} · ${texts.appName}`;
  }, [mode]);
  return <PreviewPageView draftId={draftId} mode={mode} />;
}
