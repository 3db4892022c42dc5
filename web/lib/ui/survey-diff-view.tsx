/**
 * A readable difference between two versions of a questionnaire (the `SurveyDiff` of
 * server/services/surveys/survey-diff.ts): questions added, removed and changed, with each
 * changed property and choice. Shared by the admin's version comparison and the questionnaire
 * editor's diff against the published version.
 */
import { texts } from "../i18n";
import "./survey-diff-view.css";

const T = texts.admin.surveys;
const show = (v: unknown) => (v === null || v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));

/** The diff's shape as the API sends it (web/ cannot import the server's type). */
export interface SurveyDiffShape {
  added: { name: string; title: string }[];
  removed: { name: string; title: string }[];
  changed: {
    name: string;
    title: string;
    properties: { property: string; before?: unknown; after?: unknown }[];
    choices: { value?: unknown; kind: "added" | "removed" | "text"; before?: string; after?: string }[];
  }[];
  survey: { property: string; before?: unknown; after?: unknown }[];
}

export const isEmptyDiff = (diff: SurveyDiffShape): boolean =>
  !diff.added.length && !diff.removed.length && !diff.changed.length && !diff.survey.length;

export function SurveyDiffView({ diff, highlight }: { diff: SurveyDiffShape; highlight?: ReadonlySet<string> }) {
  if (isEmptyDiff(diff)) return <p>{T.noChanges}</p>;
  return (
    <div className="survey-diff">
      {diff.survey.length > 0 && (
        <>
          <h4>{T.surveyLevel}</h4>
          <ul>
            {diff.survey.map((p) => (
              <li key={p.property}>
                {T.property(p.property)}：{show(p.before)} → {show(p.after)}
              </li>
            ))}
          </ul>
        </>
      )}
      {diff.added.length > 0 && (
        <>
          <h4>{T.added}</h4>
          <ul>
            {diff.added.map((q) => (
              <li key={q.name} className="diff-added">
                {q.title}（{q.name}）
              </li>
            ))}
          </ul>
        </>
      )}
      {diff.removed.length > 0 && (
        <>
          <h4>{T.removed}</h4>
          <ul>
            {diff.removed.map((q) => (
              <li key={q.name} className="diff-removed">
                {q.title}（{q.name}）
              </li>
            ))}
          </ul>
        </>
      )}
      {diff.changed.length > 0 && (
        <>
          <h4>{T.changed}</h4>
          <ul>
            {diff.changed.map((q) => (
              <li key={q.name} className={highlight?.has(q.name) ? "diff-meaning" : undefined}>
                <strong>{q.title}</strong>（{q.name}）
                <ul>
                  {q.properties.map((p) => (
                    <li key={p.property}>
                      {T.property(p.property)}：{show(p.before)} → {show(p.after)}
                    </li>
                  ))}
                  {q.choices.map((c) => (
                    <li key={`${c.kind}-${String(c.value)}`}>
                      {c.kind === "added"
                        ? T.choiceAdded(c.after ?? "")
                        : c.kind === "removed"
                          ? T.choiceRemoved(c.before ?? "")
                          : T.choiceText(c.before ?? "", c.after ?? "")}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
