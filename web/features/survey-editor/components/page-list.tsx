import { texts } from "../../../lib/i18n";
import { addPage, movePage, removePage } from "../lib/pages";
import { pagesOf, plainText, type SurveyJson } from "../lib/survey-json";

const T = texts.surveyEditor.editor;

/** The pages in order: pick one, add, move, remove. */
export function PageList({
  json,
  selected,
  onSelect,
  update,
}: {
  json: SurveyJson;
  selected: string;
  onSelect: (page: string) => void;
  update: (next: SurveyJson) => void;
}) {
  const pages = pagesOf(json);
  return (
    <section className="se-pages" aria-labelledby="se-pages-title">
      <h3 id="se-pages-title">{T.pages}</h3>
      <ol className="se-list">
        {pages.map((page, i) => {
          const title = T.page(i + 1, plainText(page.title) || page.name);
          return (
            <li key={page.name} className={page.name === selected ? "is-selected" : undefined}>
              <button
                type="button"
                className="se-list__pick"
                aria-current={page.name === selected ? "true" : undefined}
                onClick={() => onSelect(page.name)}
              >
                {title}
              </button>
              <span className="se-list__tools">
                <button
                  type="button"
                  className="se-icon"
                  aria-label={`${T.moveUp} ${title}`}
                  disabled={i === 0}
                  onClick={() => update(movePage(json, page.name, -1))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="se-icon"
                  aria-label={`${T.moveDown} ${title}`}
                  disabled={i === pages.length - 1}
                  onClick={() => update(movePage(json, page.name, 1))}
                >
                  ↓
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <div className="admin-actions">
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            const added = addPage(json, T.newPageTitle(pages.length + 1));
            update(added.json);
            onSelect(added.name);
          }}
        >
          {T.addPage}
        </button>
        {pages.length > 1 && (
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={() => {
              const page = pages.find((p) => p.name === selected);
              if (!page) return;
              if (!window.confirm(T.confirmRemovePage(plainText(page.title) || page.name, page.elements?.length ?? 0))) return;
              const next = removePage(json, selected);
              update(next);
              onSelect(pagesOf(next)[0]!.name);
            }}
          >
            {T.removePage}
          </button>
        )}
      </div>
    </section>
  );
}
