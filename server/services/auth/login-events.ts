import { and, desc, eq, inArray, isNull, lt, or, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { loginEvents, unitClosure, units } from "../../db/schema";
import type { LoginSources } from "./login-sources";

export type LoginOutcome = (typeof loginEvents.$inferSelect)["outcome"];
export type LoginEventRow = typeof loginEvents.$inferSelect;

/**
 * The part of a client address an admin may read: the network, never the host (IPv4 10.5.1.*,
 * IPv6 its first three groups). Enough to tell an office network from a stranger's; the full
 * address is kept only as the login throttle's keyed hash.
 */
export function maskAddress(address: string): string {
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/i.exec(address);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.*`;
  if (address.includes(":")) {
    const groups = address.split(":").filter((g) => g !== "");
    return `${groups.slice(0, 3).join(":")}:*`;
  }
  return "*";
}

/** One sign-in try as it ended; `scopeUnit` is the user's scope (null when the name is unknown). */
export async function recordLoginEvent(
  db: Database,
  event: { username: string; outcome: LoginOutcome; address: string; sources: LoginSources; scopeUnit: string | null },
  now: Date,
): Promise<void> {
  await db.insert(loginEvents).values({
    at: now.toISOString(),
    username: event.username,
    outcome: event.outcome,
    addressHash: event.sources.address,
    addressMasked: maskAddress(event.address),
    deviceHash: event.sources.device ?? null,
    scopeUnit: event.scopeUnit,
  });
}

/**
 * Newest first, `beforeId` pages backwards; only sign-ins of users in `scope`'s subtree, and
 * tries for unknown names (scope null) at the root only, as the audit log is read.
 */
export async function listLoginEvents(
  db: Database,
  query: { scope: string; limit: number; beforeId?: number; username?: string; outcome?: LoginOutcome },
): Promise<LoginEventRow[]> {
  const scopeUnit = await db.query.units.findFirst({ where: eq(units.code, query.scope), columns: { parentCode: true } });
  const isRoot = scopeUnit !== undefined && scopeUnit.parentCode === null;
  const subtree = db.select({ code: unitClosure.descendant }).from(unitClosure).where(eq(unitClosure.ancestor, query.scope));
  const inside = inArray(loginEvents.scopeUnit, subtree);
  const where: SQL[] = [isRoot ? or(inside, isNull(loginEvents.scopeUnit))! : inside];
  if (query.beforeId) where.push(lt(loginEvents.id, query.beforeId));
  if (query.username) where.push(eq(loginEvents.username, query.username));
  if (query.outcome) where.push(eq(loginEvents.outcome, query.outcome));
  return db
    .select()
    .from(loginEvents)
    .where(and(...where))
    .orderBy(desc(loginEvents.id))
    .limit(query.limit);
}
