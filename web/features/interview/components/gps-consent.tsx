import { texts } from "../../../lib/i18n";

export type GpsConsentAnswer = "granted" | "refused";

/**
 * The consent step before any GPS position is recorded (issue 19), asked once per sign-in on this
 * tablet. It does not block work: until it is answered, and after a refusal, visits are saved
 * without coordinates. Answered, it shrinks to one line with 更改.
 */
export function GpsConsent(props: { text: string; answer: GpsConsentAnswer | null; onAnswer: (answer: GpsConsentAnswer | null) => void }) {
  const T = texts.interview.gps;
  if (props.answer) {
    return (
      <p className="iv-muted iv-gps-status" data-testid="gps-consent-status">
        {props.answer === "granted" ? T.granted : T.refused}{" "}
        <button type="button" className="iv-link" onClick={() => props.onAnswer(null)}>
          {T.change}
        </button>
      </p>
    );
  }
  return (
    <section className="iv-card iv-gps-consent" aria-labelledby="iv-gps-title" data-testid="gps-consent">
      <h2 id="iv-gps-title">{T.title}</h2>
      <p>{props.text}</p>
      <div className="iv-gps-consent__actions">
        <button type="button" className="button" onClick={() => props.onAnswer("granted")}>
          {T.agree}
        </button>
        <button type="button" className="button button--secondary" onClick={() => props.onAnswer("refused")}>
          {T.refuse}
        </button>
      </div>
    </section>
  );
}
