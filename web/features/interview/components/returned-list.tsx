import { texts } from "../../../lib/i18n";
import type { ReturnedInterview } from "../sync/returned-pull";

const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }) : "");

/**
 * 退回的访问: interviews a supervisor sent back, with the reason, from the last sync (kept
 * offline). The interviewer re-visits the household and records a new interview; the returned
 * one stays on the server as it is, out of the rates while its state does not count.
 */
export function ReturnedList(props: {
  returned: ReturnedInterview[];
  /** The unit and questionnaire being worked: a re-visit is recorded there, so only a return of the same pair offers it. */
  area: { unitCode: string; surveyId: string } | null;
  /** Fills the household into the new-visit form. */
  onRevisit: (household: string) => void;
}) {
  if (props.returned.length === 0) return null;
  const t = texts.fieldReview;
  return (
    <section className="iv-card iv-attention" aria-labelledby="iv-returned-title">
      <h2 id="iv-returned-title">{t.returnedTitle(props.returned.length)}</h2>
      <p className="iv-muted">{t.returnedHint}</p>
      <ul className="iv-list">
        {props.returned.map((r) => (
          <li key={r.id} className="iv-list__row iv-list__row--wrap" data-testid="returned-item">
            <div>
              <strong>{r.household ?? t.noHousehold}</strong> · {r.unitName} · {time(r.completedAt)}
              <div className="iv-problem">
                {t.reason}：{r.reason}
              </div>
              <p className="iv-muted">{t.returnedBy(r.reviewedBy, time(r.reviewedAt))}</p>
            </div>
            {r.household && props.area?.unitCode === r.unitCode && props.area.surveyId === r.surveyId ? (
              <span className="iv-row-actions">
                <button type="button" className="button button--small button--secondary" onClick={() => props.onRevisit(r.household!)}>
                  {t.revisit}
                </button>
              </span>
            ) : (
              <p className="iv-muted">{t.revisitElsewhere(r.unitName)}</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
