import { useQuery } from "@tanstack/react-query";
import { texts } from "../../../lib/i18n";
import { SurveyDiffView } from "../../../lib/ui/survey-diff-view";
import { getDraftDiff } from "../api/drafts";

const T = texts.surveyEditor.diff;

/** The saved draft against the version it started from, metric questions whose meaning changed first. */
export function DraftDiff({ draftId, baseVersion, revision }: { draftId: string; baseVersion: number | null; revision: number }) {
  const diff = useQuery({
    queryKey: ["survey-editor", "diff", draftId, revision],
    queryFn: () => getDraftDiff(draftId),
    retry: false,
    enabled: baseVersion !== null,
  });
  if (baseVersion === null) return <p>{T.newSurvey}</p>;
  if (diff.error) return <p className="admin-error">{texts.admin.loadFailed(diff.error.message)}</p>;
  if (!diff.data) return <p>{texts.admin.loading}</p>;
  const changedTitles = new Map(diff.data.diff.changed.map((q) => [q.name, q.title]));
  return (
    <section className="se-diff" aria-labelledby="se-diff-title" data-testid="draft-diff">
      <h3 id="se-diff-title">{T.title(baseVersion)}</h3>
      {diff.data.meaningChanged.length > 0 && (
        <div className="notice notice-warning" role="note">
          <p>{T.meaningChanged}</p>
          <ul>
            {diff.data.meaningChanged.map((name) => (
              <li key={name}>
                {changedTitles.get(name) ?? name}（{name}）
              </li>
            ))}
          </ul>
        </div>
      )}
      <SurveyDiffView diff={diff.data.diff} highlight={new Set(diff.data.meaningChanged)} />
    </section>
  );
}
