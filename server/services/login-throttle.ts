import { inArray, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { loginAttempts } from "../db/schema";

export interface ThrottlePolicy {
  maxPerUser: number;
  maxPerAddress: number;
  windowMinutes: number;
}

const keysFor = (username: string, address: string) => ({
  user: `user:${username.trim().toLowerCase()}`,
  address: `addr:${address}`,
});

/**
 * Milliseconds until another login may be tried, or 0 when allowed. Counters live in the
 * database (`login_attempts`), so the limit holds across instances; a window starts at the first
 * failure and ends `windowMinutes` later.
 */
export async function loginRetryAfter(
  db: Database,
  username: string,
  address: string,
  policy: ThrottlePolicy,
  now: Date,
): Promise<number> {
  const keys = keysFor(username, address);
  const rows = await db.select().from(loginAttempts).where(inArray(loginAttempts.key, [keys.user, keys.address]));
  const windowMs = policy.windowMinutes * 60_000;
  let wait = 0;
  for (const row of rows) {
    const limit = row.key === keys.user ? policy.maxPerUser : policy.maxPerAddress;
    const ends = Date.parse(row.windowStart) + windowMs;
    if (row.failures >= limit && ends > now.getTime()) wait = Math.max(wait, ends - now.getTime());
  }
  return wait;
}

/** Counts a failed login against the username and the address, in one atomic upsert each. */
export async function recordLoginFailure(
  db: Database,
  username: string,
  address: string,
  policy: ThrottlePolicy,
  now: Date,
): Promise<void> {
  const keys = keysFor(username, address);
  const cutoff = new Date(now.getTime() - policy.windowMinutes * 60_000).toISOString();
  const stamp = now.toISOString();
  await db
    .insert(loginAttempts)
    .values([
      { key: keys.user, windowStart: stamp, failures: 1 },
      { key: keys.address, windowStart: stamp, failures: 1 },
    ])
    .onConflictDoUpdate({
      target: loginAttempts.key,
      set: {
        failures: sql`case when ${loginAttempts.windowStart} <= ${cutoff} then 1 else ${loginAttempts.failures} + 1 end`,
        windowStart: sql`case when ${loginAttempts.windowStart} <= ${cutoff} then excluded.window_start else ${loginAttempts.windowStart} end`,
      },
    });
}

/** A successful login clears the username's counter (the address keeps its own). */
export async function clearLoginFailures(db: Database, username: string): Promise<void> {
  await db.delete(loginAttempts).where(inArray(loginAttempts.key, [keysFor(username, "").user]));
}
