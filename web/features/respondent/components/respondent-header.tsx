import { texts } from "../../../lib/i18n";

/**
 * The bar at the top of the respondent page: app name, the unit's name once known, and the 大字
 * switch. After the first page it shrinks to one line so the question is what fills the screen.
 */
export function RespondentHeader({
  unitName,
  compact = false,
  largeText,
  onToggleLargeText,
}: {
  unitName?: string | undefined;
  compact?: boolean;
  largeText: boolean;
  onToggleLargeText: () => void;
}) {
  return (
    <header className={compact ? "respondent-header respondent-header--compact" : "respondent-header"}>
      <div className="respondent-header__text">
        <div className="respondent-header__app">{texts.appName}</div>
        {unitName && <h1 className="respondent-header__unit">{unitName}</h1>}
      </div>
      <button type="button" className="large-text-toggle" aria-pressed={largeText} onClick={onToggleLargeText}>
        <span aria-hidden="true" className="large-text-toggle__glyph">
          A
        </span>
        {texts.respondent.largeText}
      </button>
    </header>
  );
}
