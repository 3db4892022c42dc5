import { texts } from "../../../lib/i18n";
import type { Problem } from "../types";

const T = texts.surveyEditor.problems;

/** The server's checks of the saved draft: errors block publishing, warnings are shown. */
export function ProblemsPanel({
  problems,
  onGoTo,
  onGoToPage,
}: {
  problems: Problem[];
  onGoTo: (question: string) => void;
  onGoToPage: (page: string) => void;
}) {
  const errors = problems.filter((p) => p.level === "error");
  const warnings = problems.filter((p) => p.level === "warning");
  return (
    <section className="se-problems" aria-labelledby="se-problems-title" data-testid="problems-panel">
      <h3 id="se-problems-title">{T.title(errors.length, warnings.length)}</h3>
      {problems.length === 0 && <p className="admin-ok">{T.none}</p>}
      {errors.length > 0 && <p className="admin-error">{T.blocked}</p>}
      <ul>
        {[...errors, ...warnings].map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: one list of the server's answer, replaced whole
          <li key={i} className={`se-problem se-problem--${p.level}`} data-level={p.level}>
            <strong>{T[p.level]}</strong>：{p.message}
            {p.question && (
              <>
                {" "}
                <button type="button" className="button button--small button--ghost" onClick={() => onGoTo(p.question!)}>
                  {T.goTo}（{p.question}）
                </button>
              </>
            )}
            {!p.question && p.page && (
              <>
                {" "}
                <button type="button" className="button button--small button--ghost" onClick={() => onGoToPage(p.page!)}>
                  {T.goToPage}（{p.page}）
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
