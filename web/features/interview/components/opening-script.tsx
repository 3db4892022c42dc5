import { texts } from "../../../lib/i18n";

/**
 * 开场白 for the interviewer to read at the door, above the first page of a new interview (the
 * respondent's blurb of the QR page is not shown on the tablet), with a way out when the
 * person declines: the household is recorded as 拒访. While this tablet records positions it says
 * so (issue 19: the person is told before the visit's position is kept), in the admin's words.
 */
export function OpeningScript(props: { unitName: string; surveyTitle: string | null; gpsStatement: string | null; onRefused: () => void }) {
  return (
    <section className="iv-opening" aria-labelledby="iv-opening-title" data-testid="opening-script">
      <h3 id="iv-opening-title">{texts.interview.opening.title}</h3>
      <p className="iv-opening__script">
        {texts.interview.opening.script(props.unitName)}
        {props.gpsStatement && <span data-testid="opening-gps">{props.gpsStatement}</span>}
      </p>
      <p className="iv-muted">
        {props.surveyTitle && <>{props.surveyTitle} · </>}
        {texts.interview.opening.note}
      </p>
      <button type="button" className="button button--small button--secondary" onClick={props.onRefused}>
        {texts.interview.opening.respondentRefused}
      </button>
    </section>
  );
}
