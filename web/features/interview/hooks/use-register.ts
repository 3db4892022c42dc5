import { useEffect, useMemo, useState } from "react";
import type { InterviewDb } from "../lib/interview-db";
import { addLocalDoor, loadRegister, localDoors, pruneLocalDoors, type LocalDoor, type RegisterCopy } from "../lib/register-copy";
import { tabletDoors, type TabletDoor } from "../lib/revisits";
import type { QueueItem } from "../sync/types";

export type RegisterState =
  | { status: "loading" }
  | { status: "failed" }
  | { status: "ready"; doors: TabletDoor[]; attemptLimit: number; addDoor: (door: LocalDoor) => Promise<void> };

/**
 * The work area's doors on the tablet: the register (network first, the stored copy offline), the
 * doors this interviewer found here, and the visits still on the tablet folded in.
 */
export function useRegister(db: InterviewDb, owner: string, unitCode: string, items: QueueItem[]): RegisterState {
  const [copy, setCopy] = useState<RegisterCopy | null | undefined>(undefined);
  const [local, setLocal] = useState<LocalDoor[]>([]);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    setCopy(undefined);
    setFailed(false);
    void (async () => {
      try {
        const loaded = await loadRegister(db, unitCode);
        const kept = loaded ? await pruneLocalDoors(db, owner, unitCode, loaded) : await localDoors(db, owner, unitCode);
        if (cancelled) return;
        setCopy(loaded);
        setLocal(kept);
      } catch {
        if (!cancelled) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [db, owner, unitCode]);

  const doors = useMemo(() => (copy === undefined ? [] : tabletDoors(copy, local, items)), [copy, local, items]);
  if (failed) return { status: "failed" };
  if (copy === undefined) return { status: "loading" };
  return {
    status: "ready",
    doors,
    attemptLimit: copy?.attemptLimit ?? 3,
    addDoor: async (door) => {
      await addLocalDoor(db, owner, unitCode, door);
      setLocal((list) => [...list.filter((d) => d.id !== door.id), door]);
    },
  };
}
