import { texts } from "../../../lib/i18n";
import { dayCounts, shanghaiDay, type SyncedSummary } from "../sync/synced-summary";
import type { QueueItem, VisitOutcome } from "../sync/types";

const ORDER: VisitOutcome[] = ["completed", "refused", "not_home", "vacant", "not_eligible"];

/** 今日 N with the split by outcome: the records still held plus the counts of pruned ones. */
export function DaySummary({ summary, items }: { summary: SyncedSummary; items: QueueItem[] }) {
  const counts = dayCounts(summary, items, shanghaiDay(Date.now()));
  const total = ORDER.reduce((n, o) => n + counts[o], 0);
  return (
    <section className="iv-card iv-today" aria-labelledby="iv-today-title">
      <h2 id="iv-today-title">{texts.interview.today}</h2>
      <strong className="iv-today__total" data-testid="today-count">
        {texts.interview.todayCount(total)}
      </strong>
      <span className="iv-today__split">
        {ORDER.map((o) => (
          <span key={o}>
            {texts.interview.outcomes[o]} {counts[o]}
          </span>
        ))}
      </span>
    </section>
  );
}
