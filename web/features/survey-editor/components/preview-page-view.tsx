import { useQuery } from "@tanstack/react-query";
import { Suspense } from "react";
import { texts } from "../../../lib/i18n";
import { getDraft } from "../api/drafts";
import { LazyDraftPreview } from "./lazy-draft-preview";

const T = texts.surveyEditor.preview;

/** /survey-preview/:draftId?mode=phone|tablet: the page inside the editor's device frame. */
export function PreviewPageView({ draftId, mode }: { draftId: string; mode: "phone" | "tablet" }) {
  const draft = useQuery({ queryKey: ["survey-editor", "preview", draftId], queryFn: () => getDraft(draftId), retry: false });
  if (draft.error) {
    return (
      <p className="page-status" role="alert">
        {T.failed(draft.error.message)}
      </p>
    );
  }
  if (!draft.data) return <p className="page-status">{T.loading}</p>;
  return (
    <Suspense fallback={<p className="page-status">{T.loading}</p>}>
      <LazyDraftPreview json={draft.data.json} mode={mode} />
    </Suspense>
  );
}
