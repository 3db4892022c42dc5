import "../quota-card.css";
import { useEffect, useState } from "react";
import { texts } from "../../../lib/i18n";
import { cachedQuotas, completedByAssignment, loadMyQuotas, type MyQuotas } from "../lib/quotas";
import type { InterviewDb } from "../lib/interview-db";
import { dayCounts, shanghaiDay, type SyncedSummary } from "../sync/synced-summary";
import type { QueueItem } from "../sync/types";

const t = texts.fieldPlan.tablet;

/**
 * 今日 N / 目标 M and today's assignments (issue 16 part 3). N counts every completed visit of
 * today on this tablet, queued offline or sent (pruned ones included); M sums the targets a
 * supervisor set for today. The plan is loaded when the tablet can reach the server (again
 * after each sync) and read from IndexedDB when it cannot.
 */
export function QuotaCard(props: {
  db: InterviewDb;
  owner: string;
  summary: SyncedSummary;
  items: QueueItem[];
  lastSyncAt: string | null;
}) {
  const { db, owner } = props;
  const [quotas, setQuotas] = useState<MyQuotas | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: each finished sync pass (lastSyncAt) is a moment the server answers, so the plan is fetched again
  useEffect(() => {
    let cancelled = false;
    void cachedQuotas(db, owner).then((q) => !cancelled && q && setQuotas((current) => current ?? q));
    loadMyQuotas(db, owner).then(
      (q) => !cancelled && setQuotas(q),
      () => {
        // Offline or refused: the stored copy (if any) stays on screen.
      },
    );
    return () => {
      cancelled = true;
    };
  }, [db, owner, props.lastSyncAt]);

  const today = shanghaiDay(Date.now());
  const done = dayCounts(props.summary, props.items, today).completed;
  const assignments = (quotas?.items ?? []).filter((a) => a.day === today);
  const target = assignments.reduce((n, a) => n + a.target, 0);
  const perAssignment = completedByAssignment(props.items, today, shanghaiDay);

  return (
    <section className="iv-card iv-quota" aria-labelledby="iv-quota-title">
      <h2 id="iv-quota-title">{t.title}</h2>
      <strong className="iv-today__total" data-testid="quota-progress">
        {assignments.length > 0 ? t.todayOfTarget(done, target) : t.noTarget(done)}
      </strong>
      {assignments.length > 0 ? (
        <>
          <h3 className="iv-quota__subtitle">{t.assignments}</h3>
          <ul className="iv-quota__list" data-testid="quota-assignments">
            {assignments.map((a) => (
              <li key={`${a.unitCode}|${a.surveyId}`}>
                {t.assignment(
                  a.unitName,
                  texts.fieldPlan.surveys[a.surveyId] ?? a.surveyId,
                  perAssignment.get(`${a.unitCode}|${a.surveyId}`) ?? 0,
                  a.target,
                )}
              </li>
            ))}
          </ul>
        </>
      ) : (
        quotas && <p className="iv-muted">{t.noAssignments}</p>
      )}
      {quotas && <p className="iv-muted">{t.cachedAt(new Date(quotas.fetchedAt).toLocaleString("zh-CN", { hour12: false }))}</p>}
    </section>
  );
}
