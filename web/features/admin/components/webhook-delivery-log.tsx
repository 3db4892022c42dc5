import { useInfiniteQuery } from "@tanstack/react-query";
import { texts } from "../../../lib/i18n";
import { listDeliveries } from "../api/webhooks";

const T = texts.webhooks;
const at = (iso: string) => new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });

/** One subscription's delivery log, newest first, 20 at a time; `version` reloads it after a test-send. */
export function DeliveryLog({ id, version }: { id: string; version: number }) {
  const log = useInfiniteQuery({
    queryKey: ["admin", "webhooks", id, "deliveries", version],
    queryFn: ({ pageParam }) => listDeliveries(id, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next ?? undefined,
    retry: false,
    refetchOnWindowFocus: false,
  });
  const rows = log.data?.pages.flatMap((p) => p.deliveries) ?? [];
  if (log.error) return <p className="admin-error">{texts.admin.loadFailed(log.error.message)}</p>;
  if (log.isPending) return <p className="admin-muted">{texts.admin.loading}</p>;
  if (rows.length === 0) return <p className="admin-muted">{T.logEmpty}</p>;
  return (
    <>
      <table className="admin-table" aria-label={T.log}>
        <thead>
          <tr>
            <th>{T.when}</th>
            <th>{T.event}</th>
            <th>{T.state}</th>
            <th>{T.attempts}</th>
            <th>{T.answer}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.id}>
              <td>{at(d.createdAt)}</td>
              <td>{T.eventNames[d.eventKind as keyof typeof T.eventNames] ?? d.eventKind}</td>
              <td className={`webhook-state--${d.state}`}>
                {T.states[d.state]}
                {d.nextAttemptAt && <div className="admin-muted">{T.nextAttempt(at(d.nextAttemptAt))}</div>}
              </td>
              <td>{d.attempts}</td>
              <td>{d.lastStatus ?? d.lastError ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {log.hasNextPage && (
        <button className="button button--small" type="button" disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
          {T.more}
        </button>
      )}
    </>
  );
}
