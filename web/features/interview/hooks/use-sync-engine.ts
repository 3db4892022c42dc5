import { useEffect, useState } from "react";
import { getDeviceId } from "../../../lib/device-id";
import { APP_VERSION } from "../lib/app-version";
import type { InterviewDb } from "../lib/interview-db";
import { createSyncEngine, type SyncEngine } from "../sync/sync-engine";
import { fetchTransport } from "../sync/transport";
import { fetchPull } from "../sync/returned-pull";
import type { SyncSnapshot } from "../sync/types";

/** While nothing else triggers a pass (no `online` event on a flaky cell), look again this often. */
const PERIODIC_MS = 60_000;

/**
 * One sync engine per signed-in owner: started on mount, nudged when the browser comes back
 * online or the tablet wakes up, stopped on logout or when another user signs in.
 */
export function useSyncEngine(db: InterviewDb, owner: string): { engine: SyncEngine; snapshot: SyncSnapshot } {
  const [engine] = useState(() =>
    createSyncEngine({
      store: db,
      owner,
      transport: fetchTransport,
      device: { deviceId: getDeviceId(), appVersion: APP_VERSION },
      pull: fetchPull,
    }),
  );
  const [snapshot, setSnapshot] = useState<SyncSnapshot>(() => engine.snapshot());

  useEffect(() => {
    const unsubscribe = engine.subscribe(setSnapshot);
    void engine.start();
    const nudge = () => void engine.syncNow();
    const onVisible = () => document.visibilityState === "visible" && nudge();
    window.addEventListener("online", nudge);
    document.addEventListener("visibilitychange", onVisible);
    // Also when nothing is pending: an idle pass sends the heartbeat when one is due.
    const periodic = setInterval(() => {
      if (engine.snapshot().phase === "idle") nudge();
    }, PERIODIC_MS);
    return () => {
      unsubscribe();
      engine.stop();
      window.removeEventListener("online", nudge);
      document.removeEventListener("visibilitychange", onVisible);
      clearInterval(periodic);
    };
  }, [engine]);

  return { engine, snapshot };
}
