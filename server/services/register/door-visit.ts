import { and, eq } from "drizzle-orm";
import type { NewDoor } from "../../contracts/register";
import type { Database } from "../../db/client";
import { registerEntries, registerEntryAliases, visits } from "../../db/schema";
import type { DrizzleTx } from "../../db/sql-executor";
import { writeTransaction } from "../../db/write-transaction";
import type { User } from "../auth/users";
import type { VisitWriteStatus } from "../field/visits";
import { invalid } from "../refusal";
import { doorOf } from "./door-key";

type VisitRow = typeof visits.$inferInsert & { contentHash: string; registerEntryId: string };

/** Which kind of door each questionnaire is asked at: residents at households, shopkeepers at shops. */
const DOOR_KIND: Record<string, "household" | "shop"> = { resident: "household", shopkeeper: "shop" };

/**
 * The entry a visit's `registerEntryId` names: a stored entry, an alias of one (the same new door
 * sent by a second tablet), or, with `newDoor`, a door found in the field, created under that id.
 * A new door whose key is already in the community's register (imported, or added by another
 * tablet first) becomes an alias of that entry, so the door is counted once.
 */
async function resolveEntry(tx: DrizzleTx, row: VisitRow, newDoor: NewDoor | null | undefined, user: User, now: Date): Promise<string> {
  const id = row.registerEntryId;
  const alias = await tx
    .select({ entryId: registerEntryAliases.entryId })
    .from(registerEntryAliases)
    .where(eq(registerEntryAliases.aliasId, id))
    .get();
  const entryId = alias?.entryId ?? id;
  const entry = await tx
    .select({ id: registerEntries.id, unitCode: registerEntries.unitCode, kind: registerEntries.kind })
    .from(registerEntries)
    .where(eq(registerEntries.id, entryId))
    .get();
  if (entry) return checked(entry, row);
  if (!newDoor) throw invalid("unknown_register_entry", "名册中没有这一户，请刷新名册或作为新发现的门户登记");
  const door = doorOf(newDoor);
  if (!door) throw invalid("invalid_door", "请填写楼栋和房号，或地址（商铺可填店名）");
  const match = await tx
    .select({ id: registerEntries.id, unitCode: registerEntries.unitCode, kind: registerEntries.kind })
    .from(registerEntries)
    .where(and(eq(registerEntries.unitCode, row.unitCode), eq(registerEntries.doorKey, door.key)))
    .get();
  if (match) {
    await tx.insert(registerEntryAliases).values({ aliasId: id, entryId: match.id, createdAt: now.toISOString() });
    return checked(match, row);
  }
  const { key, ...shown } = door;
  const created = { id, unitCode: row.unitCode, kind: newDoor.kind, doorKey: key, ...shown };
  checked(created, row);
  await tx
    .insert(registerEntries)
    .values({ ...created, source: "field", createdBy: user.username, createdAt: now.toISOString(), assignedTo: null });
  return id;
}

function checked(entry: { id: string; unitCode: string; kind: "household" | "shop" }, row: VisitRow): string {
  if (entry.unitCode !== row.unitCode) throw invalid("register_entry_mismatch", "名册中的这一户不属于所选社区");
  const wanted = DOOR_KIND[row.surveyId];
  if (wanted && wanted !== entry.kind) {
    throw invalid("register_kind_mismatch", wanted === "shop" ? "商户问卷只能用于名册中的商铺" : "居民问卷只能用于名册中的住户");
  }
  return entry.id;
}

/**
 * Stores a visit that knocked on a register door, and the door itself when it was found in the
 * field, in one transaction (never a door without its visit). Idempotent like every visit: the
 * same id with the same content is a duplicate, other content a conflict, and neither writes.
 * Two tablets' visits to one door are two visits of one entry.
 */
export async function saveDoorVisit(
  db: Database,
  row: VisitRow,
  newDoor: NewDoor | null | undefined,
  user: User,
  now: Date,
): Promise<VisitWriteStatus> {
  return writeTransaction(db, async (tx) => {
    const stored = await tx.select({ contentHash: visits.contentHash }).from(visits).where(eq(visits.id, row.id)).get();
    if (stored) return stored.contentHash === row.contentHash ? "duplicate" : "conflict";
    const entryId = await resolveEntry(tx, row, newDoor, user, now);
    await tx.insert(visits).values({ ...row, registerEntryId: entryId });
    return "accepted";
  });
}
