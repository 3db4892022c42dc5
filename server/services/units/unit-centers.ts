import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { units } from "../../db/schema";
import { audited } from "../admin/audit";
import type { User } from "../auth/users";

/**
 * Sets (or with null clears) a unit's centre, from which the interviewer QA table measures how
 * far each visit's GPS fix lay; the change and its audit entry (units.center) in one transaction.
 */
export async function setUnitCenter(
  db: Database,
  code: string,
  center: { lat: number; lng: number } | null,
  user: User,
  now: Date,
): Promise<{ code: string; center: { lat: number; lng: number } | null }> {
  return audited(db, now, async (tx) => {
    const stored = await tx.select({ lat: units.centerLat, lng: units.centerLng }).from(units).where(eq(units.code, code)).get();
    await tx
      .update(units)
      .set({ centerLat: center?.lat ?? null, centerLng: center?.lng ?? null })
      .where(eq(units.code, code));
    const before = stored && stored.lat != null && stored.lng != null ? { lat: stored.lat, lng: stored.lng } : null;
    return {
      result: { code, center },
      entry: { actor: user.username, action: "units.center", target: code, before, after: center, scopeUnit: code },
    };
  });
}
