import { and, desc, eq, inArray } from "drizzle-orm";
import type { Heartbeat } from "../../contracts/field";
import type { Database } from "../../db/client";
import { devices, unitClosure, users } from "../../db/schema";

export type DeviceRow = typeof devices.$inferSelect;

/** Records a tablet's heartbeat: who holds it now and what it has not sent yet. */
export async function recordHeartbeat(db: Database, username: string, beat: Heartbeat, now: Date): Promise<DeviceRow> {
  const values = {
    deviceId: beat.deviceId,
    username,
    pending: beat.pending,
    needsAttention: beat.needsAttention,
    appVersion: beat.appVersion ?? null,
    lastSyncAt: beat.lastSyncAt ? new Date(beat.lastSyncAt).toISOString() : null,
    lastHeartbeatAt: now.toISOString(),
  };
  const [row] = await db
    .insert(devices)
    .values(values)
    .onConflictDoUpdate({ target: [devices.deviceId, devices.username], set: values })
    .returning();
  return row!;
}

/**
 * Devices whose last user serves a unit inside `scope` (the user's own scope lies in the
 * subtree), most recently heard from first.
 */
export async function listDevicesInScope(db: Database, scope: string): Promise<DeviceRow[]> {
  const inScope = db
    .select({ username: users.username })
    .from(users)
    .innerJoin(unitClosure, and(eq(unitClosure.descendant, users.scope), eq(unitClosure.ancestor, scope)));
  return db.select().from(devices).where(inArray(devices.username, inScope)).orderBy(desc(devices.lastHeartbeatAt)).all();
}
