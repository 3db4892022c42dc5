import { texts } from "../../../lib/i18n";
import type { QueueItem } from "../sync/types";

const time = (iso: string) =>
  new Date(iso).toLocaleString("zh-CN", { month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false });

/** This user's visits on this device, newest first, each with its sync state. */
export function VisitList({ items }: { items: QueueItem[] }) {
  const sorted = [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <section className="iv-card" aria-labelledby="iv-visits-title">
      <h2 id="iv-visits-title">
        {texts.interview.visits}（{sorted.length}）
      </h2>
      {sorted.length === 0 ? (
        <p className="iv-muted">{texts.interview.noVisits}</p>
      ) : (
        <ul className="iv-list">
          {sorted.map((item) => (
            <li key={item.id} className="iv-list__row" data-testid="visit-item" data-state={item.state}>
              <span className="iv-list__main">
                <strong>{item.visit.household}</strong> · {item.unitName}
              </span>
              <span className={`iv-outcome iv-outcome--${item.visit.outcome}`}>{texts.interview.outcomes[item.visit.outcome]}</span>
              <span className="iv-muted">{time(item.createdAt)}</span>
              <span className={`iv-badge iv-badge--${item.state}`}>{texts.interview.states[item.state]}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
