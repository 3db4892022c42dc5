import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import type { RegisterAssign } from "../../contracts/register";
import type { Database } from "../../db/client";
import { registerEntries, unitClosure, users, visits } from "../../db/schema";
import { chunk } from "../../lib/chunk";
import { audited } from "../admin/audit";
import type { User } from "../auth/users";
import { invalid } from "../refusal";
import { attemptLimitAt } from "./attempt-limit";
import { type EntryVisit, summarise } from "../../contracts/register-dispositions";

/**
 * Every visit that points at a register door of these communities, grouped by entry. Read from
 * the visits (a few per door), so the summary is the same whichever tablet's visit came first.
 */
export async function visitsByEntry(db: Database, unitCodes: string[], range: { from?: string; to?: string } = {}) {
  const byEntry = new Map<string, EntryVisit[]>();
  for (const part of chunk(unitCodes, 500)) {
    const rows = await db
      .select({ entryId: visits.registerEntryId, outcome: visits.outcome, visitedAt: visits.visitedAt, day: visits.day })
      .from(visits)
      .where(and(inArray(visits.unitCode, part), isNotNull(visits.registerEntryId)))
      .all();
    for (const r of rows) {
      if (range.from && r.day < range.from) continue;
      if (range.to && r.day > range.to) continue;
      const list = byEntry.get(r.entryId!) ?? [];
      list.push({ outcome: r.outcome, visitedAt: r.visitedAt });
      byEntry.set(r.entryId!, list);
    }
  }
  return byEntry;
}

/**
 * One community's register for the tablet's offline copy: every door with its attempts, last
 * try and AAPOR disposition, and the attempt limit in force (the 待回访 list is computed from
 * these on the tablet, so it works offline).
 */
export async function listRegister(db: Database, unitCode: string) {
  const { limit, setAt } = await attemptLimitAt(db, unitCode);
  const entries = await db
    .select({
      id: registerEntries.id,
      kind: registerEntries.kind,
      label: registerEntries.label,
      building: registerEntries.building,
      unitNo: registerEntries.unitNo,
      room: registerEntries.room,
      address: registerEntries.address,
      shopName: registerEntries.shopName,
      source: registerEntries.source,
      createdBy: registerEntries.createdBy,
      createdAt: registerEntries.createdAt,
      assignedTo: registerEntries.assignedTo,
    })
    .from(registerEntries)
    .where(eq(registerEntries.unitCode, unitCode))
    .orderBy(asc(registerEntries.kind), asc(registerEntries.doorKey))
    .all();
  const byEntry = await visitsByEntry(db, [unitCode]);
  return {
    unitCode,
    attemptLimit: limit,
    attemptLimitSetAt: setAt,
    entries: entries.map((e) => ({ ...e, ...summarise(byEntry.get(e.id) ?? [], limit) })),
  };
}

/**
 * A supervisor gives doors of one community to an interviewer whose scope holds it (or takes them
 * back with null), audited with each door's assignee before, in one transaction. Doors of other
 * communities in the list are refused, so nothing outside the checked unit changes.
 */
export async function assignEntries(db: Database, input: RegisterAssign, actor: User, now: Date) {
  return audited(db, now, async (tx) => {
    if (input.assignedTo) {
      const interviewer = await tx
        .select({ scope: users.scope })
        .from(users)
        .where(and(eq(users.username, input.assignedTo), eq(users.role, "interviewer"), eq(users.disabled, false)))
        .get();
      const covers =
        interviewer &&
        (await tx
          .select({ d: unitClosure.descendant })
          .from(unitClosure)
          .where(and(eq(unitClosure.ancestor, interviewer.scope), eq(unitClosure.descendant, input.unit)))
          .get());
      if (!covers) throw invalid("unknown_interviewer", `调查员 ${input.assignedTo} 不存在、已停用或其范围不含该社区`);
    }
    const ids = [...new Set(input.entryIds.map((id) => id.toLowerCase()))];
    const found = await tx
      .select({ id: registerEntries.id, assignedTo: registerEntries.assignedTo })
      .from(registerEntries)
      .where(and(eq(registerEntries.unitCode, input.unit), inArray(registerEntries.id, ids)))
      .all();
    if (found.length !== ids.length) throw invalid("unknown_register_entry", "有门户不在该社区的名册中，未做任何更改");
    await tx.update(registerEntries).set({ assignedTo: input.assignedTo }).where(inArray(registerEntries.id, ids));
    return {
      result: { unit: input.unit, assigned: ids.length, assignedTo: input.assignedTo },
      entry: {
        actor: actor.username,
        action: "register.assign",
        target: input.unit,
        before: found,
        after: { assignedTo: input.assignedTo, entryIds: ids },
        scopeUnit: input.unit,
      },
    };
  });
}
