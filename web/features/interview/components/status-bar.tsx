import { texts } from "../../../lib/i18n";
import { useOnline } from "../hooks/use-online";
import type { SyncSnapshot } from "../sync/types";

const time = (iso: string | number) =>
  new Date(iso).toLocaleTimeString("zh-CN", { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });

/** Always on screen: 待同步 N · 已同步 M · 上次同步 time, the network, and what sync is doing. */
export function StatusBar(props: { snapshot: SyncSnapshot; onSyncNow: () => void; onLoginAgain: () => void }) {
  const { snapshot: s } = props;
  const online = useOnline();
  return (
    <div className="iv-status" role="status" aria-live="polite">
      <span className={online ? "iv-dot iv-dot--on" : "iv-dot iv-dot--off"}>
        {online ? texts.interview.online : texts.interview.offline}
      </span>
      <strong className="iv-status__pending" data-testid="pending-count">
        {texts.interview.pending(s.pending)}
      </strong>
      <span>·</span>
      <span data-testid="synced-count">{texts.interview.synced(s.synced)}</span>
      <span>·</span>
      <span data-testid="last-sync">{s.lastSyncAt ? texts.interview.lastSync(time(s.lastSyncAt)) : texts.interview.neverSynced}</span>
      {s.needsAttention > 0 && <span className="iv-badge iv-badge--warn">{texts.interview.needsAttention(s.needsAttention)}</span>}
      <span className="iv-status__phase">
        {s.phase === "syncing" && texts.interview.syncing}
        {s.phase === "waiting" && s.nextAttemptAt !== null && texts.interview.retryAt(time(s.nextAttemptAt))}
      </span>
      {s.phase === "auth_required" ? (
        <span className="iv-status__auth">
          {texts.interview.authRequired}
          <button type="button" className="button button--small" onClick={props.onLoginAgain}>
            {texts.interview.loginAgain}
          </button>
        </span>
      ) : (
        s.pending > 0 && (
          <span className="iv-status__sync">
            {!online && (
              <span id="iv-sync-offline" data-testid="sync-offline-reason">
                {texts.interview.syncOffline}
              </span>
            )}
            <button
              type="button"
              className="button button--small"
              onClick={props.onSyncNow}
              // Offline a pass can only fail; the engine syncs by itself when the network is back.
              disabled={!online || s.phase === "syncing"}
              aria-describedby={online ? undefined : "iv-sync-offline"}
            >
              {texts.interview.syncNow}
            </button>
          </span>
        )
      )}
    </div>
  );
}
