/**
 * The tablet's view of the register: the server's doors (as of its last answer) updated with the
 * visits this tablet recorded since, plus doors it found in the field, and the 待回访 list drawn
 * from them. Pure, so it works offline and is tested without a browser. The disposition rule is
 * the server's own (server/contracts/register-dispositions.ts).
 */
import { type Disposition, type EntryVisit, summarise } from "../../../../server/contracts/register-dispositions";
import type { NewDoor } from "../../../../server/contracts/register";
import type { QueueItem } from "../sync/types";
import type { LocalDoor, RegisterCopy } from "./register-copy";

export interface TabletDoor {
  id: string;
  kind: "household" | "shop";
  label: string;
  source: "import" | "field";
  assignedTo: string | null;
  attempts: number;
  lastOutcome: EntryVisit["outcome"] | null;
  lastVisitedAt: string | null;
  disposition: Disposition;
  /** Set for a door this tablet found: sent with every visit until the server's list holds it. */
  newDoor: NewDoor | null;
}

/**
 * The doors with this tablet's visits recorded after the copy was read folded in (visits before
 * it are already in the server's counts). A door with visits is summarised again from its last
 * known state: the server's attempts stand in for its visits, as 不在家 ones unless it was final.
 */
export function tabletDoors(copy: RegisterCopy | null, local: LocalDoor[], items: QueueItem[]): TabletDoor[] {
  const limit = copy?.attemptLimit ?? 3;
  const since = copy?.fetchedAt ?? "";
  const fresh = new Map<string, EntryVisit[]>();
  for (const item of items) {
    const id = item.visit.registerEntryId;
    if (!id || item.createdAt <= since) continue;
    fresh.set(id, [...(fresh.get(id) ?? []), { outcome: item.visit.outcome, visitedAt: item.visit.visitedAt }]);
  }
  const fold = (base: EntryVisit[], id: string) => summarise([...base, ...(fresh.get(id) ?? [])], limit);
  const fromServer: TabletDoor[] = (copy?.entries ?? []).map((e) => {
    // The server's state as visits: its final outcome once, the rest as 不在家 tries.
    const base: EntryVisit[] = [];
    for (let i = 0; i < e.attempts; i++) base.push({ outcome: "not_home", visitedAt: e.lastVisitedAt ?? "" });
    const final = { complete: "completed", refusal: "refused", vacant: "vacant", not_eligible: "not_eligible" } as const;
    const outcome = final[e.disposition as keyof typeof final];
    if (outcome && base.length > 0) base[0] = { outcome, visitedAt: e.lastVisitedAt ?? "" };
    const s = fold(base, e.id);
    return { id: e.id, kind: e.kind, label: e.label, source: e.source, assignedTo: e.assignedTo, ...pick(s), newDoor: null };
  });
  const known = new Set(fromServer.map((d) => d.id));
  const found: TabletDoor[] = local
    .filter((d) => !known.has(d.id))
    .map((d) => ({
      id: d.id,
      kind: d.kind,
      label: d.label,
      source: "field",
      assignedTo: null,
      ...pick(fold([], d.id)),
      newDoor: d.newDoor,
    }));
  return [...fromServer, ...found];
}

const pick = (s: ReturnType<typeof summarise>) => ({
  attempts: s.attempts,
  lastOutcome: s.lastOutcome,
  lastVisitedAt: s.lastVisitedAt,
  disposition: s.disposition,
});

export type TimeOfDay = "morning" | "afternoon" | "evening" | "night";

/** Part of the day in Asia/Shanghai (UTC+8 all year): when the last try was made. */
export function timeOfDay(iso: string): TimeOfDay {
  const hour = (new Date(iso).getUTCHours() + 8) % 24;
  if (hour >= 5 && hour < 12) return "morning";
  if (hour >= 12 && hour < 17) return "afternoon";
  if (hour >= 17 && hour < 21) return "evening";
  return "night";
}

/** Doors still worth a revisit (不在家, under the limit), the longest-waiting first. */
export function revisitList(doors: TabletDoor[]): TabletDoor[] {
  return doors
    .filter((d) => d.disposition === "revisit")
    .sort((a, b) => (a.lastVisitedAt ?? "").localeCompare(b.lastVisitedAt ?? "") || a.label.localeCompare(b.label));
}
