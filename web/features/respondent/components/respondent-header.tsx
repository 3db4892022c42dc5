import { texts } from "../../../lib/i18n";

/** The bar at the top of the respondent page: app name and, once known, the unit's name. */
export function RespondentHeader({ unitName }: { unitName?: string | undefined }) {
  return (
    <header className="respondent-header">
      <div className="respondent-header__app">{texts.appName}</div>
      {unitName && <h1 className="respondent-header__unit">{unitName}</h1>}
    </header>
  );
}
