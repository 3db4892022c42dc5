import { and, desc, eq, ne, notInArray, sql } from "drizzle-orm";
import type { Config } from "../../config";
import type { Database } from "../../db/client";
import { sessions, users } from "../../db/schema";
import { randomToken, sha256Hex } from "../../lib/crypto";
import { isStorageUnavailableError } from "../../db/storage-errors";
import type { User } from "./users";

export interface SessionPolicy {
  ttlHours: number;
  /** A session unused this long ends (SESSION_IDLE_MINUTES, else SESSION_IDLE_HOURS). */
  idleMinutes: number;
  /** Open sessions per user; a new one ends the oldest past it. 0 = no limit. */
  maxPerUser?: number;
}

/** The SESSION_* settings as a policy: minutes, when set, are the finer idle timeout. */
export function sessionPolicy(config: Config): Required<SessionPolicy> {
  return {
    ttlHours: config.SESSION_TTL_HOURS,
    idleMinutes: config.SESSION_IDLE_MINUTES ?? config.SESSION_IDLE_HOURS * 60,
    maxPerUser: config.SESSION_MAX_PER_USER,
  };
}

const HOUR_MS = 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
/**
 * Refresh lastSeenAt at most this often, so a busy dashboard does not write on every poll; a
 * quarter of a short idle timeout, so a user at work is never taken for idle.
 */
const touchIntervalMs = (policy: SessionPolicy) => Math.min(5 * MINUTE_MS, (policy.idleMinutes * MINUTE_MS) / 4);

/**
 * Opens a session and returns the cookie token; only its hash is stored. With `maxPerUser`, the
 * same batch ends the user's oldest sessions beyond it (等保: a bounded number of concurrent
 * sessions per account), so signing in on a sixth device signs the first one out.
 */
export async function openSession(db: Database, userId: number, policy: SessionPolicy, now: Date): Promise<string> {
  const token = randomToken(32);
  const insert = db.insert(sessions).values({
    id: await sha256Hex(token),
    userId,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + policy.ttlHours * HOUR_MS).toISOString(),
  });
  const max = policy.maxPerUser ?? 0;
  if (max <= 0) {
    await insert;
    return token;
  }
  const newest = db
    .select({ id: sessions.id })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(desc(sessions.createdAt), desc(sql`rowid`))
    .limit(max);
  await db.batch([insert, db.delete(sessions).where(and(eq(sessions.userId, userId), notInArray(sessions.id, newest)))]);
  return token;
}

/** The user behind a cookie token, or undefined when the session is unknown, expired, idle or disabled. */
export async function resolveSession(db: Database, token: string, policy: SessionPolicy, now: Date): Promise<User | undefined> {
  const id = await sha256Hex(token);
  const row = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id))
    .get();
  if (!row) return undefined;
  const nowMs = now.getTime();
  const idleLimit = Date.parse(row.session.lastSeenAt) + policy.idleMinutes * MINUTE_MS;
  if (row.user.disabled || nowMs >= Date.parse(row.session.expiresAt) || nowMs >= idleLimit) {
    await housekeeping(db.delete(sessions).where(eq(sessions.id, id)));
    return undefined;
  }
  if (nowMs - Date.parse(row.session.lastSeenAt) > touchIntervalMs(policy)) {
    await housekeeping(db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, id)));
  }
  return row.user;
}

/**
 * Session bookkeeping that a read must not depend on: when the disk is full or the database
 * read-only, a dashboard keeps loading and the touch or clean-up is simply tried again later.
 * An expired session is refused whether or not its row could be deleted.
 */
async function housekeeping(write: PromiseLike<unknown>): Promise<void> {
  try {
    await write;
  } catch (error) {
    if (!isStorageUnavailableError(error)) throw error;
  }
}

export async function closeSession(db: Database, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, await sha256Hex(token)));
}

/** Ends every session of a user (disabled, password reset by an admin). */
export async function closeUserSessions(db: Database, userId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Ends a user's sessions except the one behind `keepToken` (own password change). */
export async function closeOtherSessions(db: Database, userId: number, keepToken: string | undefined): Promise<void> {
  if (!keepToken) return closeUserSessions(db, userId);
  await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, await sha256Hex(keepToken))));
}
