import { useState } from "react";
import { texts } from "../../../lib/i18n";
import { correctable } from "../sync/corrections";
import type { VisitCorrection } from "../sync/sync-engine";
import { summaryTotal, type SyncedSummary } from "../sync/synced-summary";
import type { QueueItem } from "../sync/types";
import { CorrectionForm } from "./correction-form";

/** Rows drawn at first and added per 显示更多: a season of records never all at once. */
export const PAGE_SIZE = 30;

const time = (iso: string) =>
  new Date(iso).toLocaleString("zh-CN", { month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false });

/**
 * This user's visits on this device, newest first, each with its sync state; an unsent one can be
 * corrected. Older confirmed visits live on only as counts (summary), said under the list.
 */
export function VisitList(props: {
  items: QueueItem[];
  summary: SyncedSummary;
  onCorrect: (id: string, patch: VisitCorrection) => Promise<boolean>;
}) {
  const [shown, setShown] = useState(PAGE_SIZE);
  const [editing, setEditing] = useState<string | null>(null);
  const sorted = [...props.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const older = summaryTotal(props.summary);
  return (
    <section className="iv-card" aria-labelledby="iv-visits-title">
      <h2 id="iv-visits-title">
        {texts.interview.visits}（{sorted.length}）
      </h2>
      <p className="iv-muted">{texts.interview.editRule}</p>
      {sorted.length === 0 ? (
        <p className="iv-muted">{texts.interview.noVisits}</p>
      ) : (
        <ul className="iv-list">
          {sorted.slice(0, shown).map((item) => (
            <li key={item.id} className="iv-list__row iv-list__row--wrap" data-testid="visit-item" data-state={item.state}>
              <span className="iv-list__main">
                <strong>{item.visit.household}</strong> · {item.unitName}
              </span>
              <span className={`iv-outcome iv-outcome--${item.visit.outcome}`}>{texts.interview.outcomes[item.visit.outcome]}</span>
              <span className="iv-muted">{time(item.createdAt)}</span>
              <span className={`iv-badge iv-badge--${item.state}`}>{texts.interview.states[item.state]}</span>
              {item.state === "pending" && correctable(item) && editing !== item.id && (
                <button type="button" className="button button--small button--secondary" onClick={() => setEditing(item.id)}>
                  {texts.interview.correct}
                  <span className="visually-hidden">：{item.visit.household}</span>
                </button>
              )}
              {editing === item.id && (
                <CorrectionForm
                  item={item}
                  onCancel={() => setEditing(null)}
                  onSave={async (patch) => {
                    if (await props.onCorrect(item.id, patch)) setEditing(null);
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {sorted.length > shown && (
        <button type="button" className="button button--small button--secondary" onClick={() => setShown(shown + PAGE_SIZE)}>
          {texts.interview.showMore(sorted.length - shown)}
        </button>
      )}
      {older > 0 && (
        <p className="iv-muted" data-testid="older-synced">
          {texts.interview.olderSynced(older)}
        </p>
      )}
    </section>
  );
}
