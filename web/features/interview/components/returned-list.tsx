import { texts } from "../../../lib/i18n";
import type { ReturnedInterview } from "../sync/returned-pull";

const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }) : "");

/**
 * 退回的访问: interviews a supervisor sent back, with the reason, from the last sync (kept
 * offline). The interviewer re-visits the household and records a new interview; the returned
 * one stays on the server as it is, out of the rates while its state does not count.
 */
export function ReturnedList(props: { returned: ReturnedInterview[] }) {
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
          </li>
        ))}
      </ul>
    </section>
  );
}
