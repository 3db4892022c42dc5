import type { InValue } from "@libsql/client";
import { inArray, lt, sql } from "drizzle-orm";
import type { Config } from "../../config";
import type { Database } from "../../db/client";
import { loginAttempts } from "../../db/schema";
import type { KnownSource, LoginSources } from "./login-sources";

/**
 * Login throttling, with every counter in `login_attempts` so it holds across instances
 * (docs/api.md "Login throttling" has the policy and why). A try is reserved, counted as a failure,
 * in one atomic write before the password is verified, and released when it was right; so
 * concurrent tries can never verify more passwords than the limits allow.
 *
 * Counters (`key` → `window_start`, `failures`):
 * - `pair:<user>|addr:<hash>` and `pair:<user>|device:<hash>`: growing delays. `maxPerPair` tries are
 *   free; each one past them waits 1, 2, 4, … minutes after the previous try, at most the window.
 *   `window_start` is the time of the last try; a day without tries forgets the count.
 * - `user:<user>`: tries from unknown sources (not a device or address this user signed in from
 *   before), at most `maxPerUser` per window. Known sources are not held up by it.
 * - `addr:<hash>`: tries from one address for any user within the window. Past `maxPerAddress`
 *   it never refuses on its own: unknown pairs from that address get one free try instead of
 *   `maxPerPair`, so one address cannot spray many accounts and still cannot lock anyone out.
 */
export interface ThrottlePolicy {
  maxPerPair: number;
  maxPerUser: number;
  maxPerAddress: number;
  windowMs: number;
}

/** How the three LOGIN_* settings map onto the policy (documented in docs/api.md). */
export function loginThrottlePolicy(config: Config): ThrottlePolicy {
  return {
    maxPerPair: config.LOGIN_MAX_FAILURES,
    maxPerUser: config.LOGIN_MAX_FAILURES * PER_USER_FACTOR,
    maxPerAddress: config.LOGIN_MAX_FAILURES_PER_ADDRESS,
    // A year at most: past that a window is a lockout anyway, and its cutoff stays a valid date.
    windowMs: Math.min(config.LOGIN_WINDOW_MINUTES * 60_000, MAX_WINDOW_MS),
  };
}

const MAX_WINDOW_MS = 366 * 24 * 60 * 60_000;

/** The per-username cap for unknown sources is this many times the per-pair one: looser, since it is shared by everyone. */
export const PER_USER_FACTOR = 4;
/** A pair or device counter without a try for this long starts again from zero. */
export const PAIR_MEMORY_MS = 24 * 60 * 60_000;
const MINUTE_MS = 60_000;

/** The wait before the k-th try past the free ones (k from 0): 1, 2, 4, … minutes, capped at the window. */
export function backoffDelayMs(k: number, windowMs: number): number {
  return Math.min(windowMs, MINUTE_MS * 2 ** Math.min(k, 30));
}

/** The first k whose delay is the cap: every k past it waits the same. */
function cappedStep(windowMs: number): number {
  let k = 0;
  while (k < 30 && backoffDelayMs(k, windowMs) < windowMs) k++;
  return k;
}

const normalName = (username: string) => username.trim().toLowerCase();

export interface LoginAttempt {
  allowed: boolean;
  /** When refused: how long until a try could pass. */
  retryAfterMs: number;
  /** The counter this try was held against (pair or device), cleared on success. */
  ownKey: string;
  /** For unknown sources: the user and address counters, released on success. */
  sharedKeys: string[];
}

interface Row {
  key: string;
  windowStart: string;
  failures: number;
}

/**
 * Reserves one login try, before the password is checked. A known device or address is held only
 * against its own counter; an unknown source against its pair, the username and the address, all
 * in one write transaction (one round trip): the pair's upsert decides, and the username and
 * address counters follow only when it passed (`changes()` is the previous statement's count).
 */
export async function reserveLoginAttempt(
  db: Database,
  who: { username: string; sources: LoginSources; known: KnownSource },
  policy: ThrottlePolicy,
  now: Date,
): Promise<LoginAttempt> {
  const name = normalName(who.username);
  const ownKey = `pair:${name}|${who.known === "device" ? who.sources.device : who.sources.address}`;
  const userKey = `user:${name}`;
  const addrKey = who.sources.address;
  const unknown = who.known === undefined;
  const stamp = now.toISOString();
  const windowCutoff = new Date(now.getTime() - policy.windowMs).toISOString();
  const forgetCutoff = new Date(now.getTime() - PAIR_MEMORY_MS).toISOString();
  const top = cappedStep(policy.windowMs);
  const stepCutoffs = Array.from({ length: top + 1 }, (_, k) => new Date(now.getTime() - backoffDelayMs(k, policy.windowMs)).toISOString());

  const args: Record<string, InValue> = {
    ownKey,
    userKey,
    addrKey,
    stamp,
    windowCutoff,
    forgetCutoff,
    pairMax: policy.maxPerPair,
    userMax: policy.maxPerUser,
    addrMax: policy.maxPerAddress,
  };
  stepCutoffs.forEach((cutoff, k) => {
    args[`step${k}`] = cutoff;
  });

  const addrCrowded = `coalesce((select failures >= :addrMax and window_start > :windowCutoff from login_attempts where key = :addrKey), 0)`;
  const free = unknown ? `(case when ${addrCrowded} then 1 else :pairMax end)` : `:pairMax`;
  const steps = stepCutoffs.map((_, k) => `when ${k} then :step${k}`).join(" ");
  const pairOpen = `(login_attempts.window_start <= :forgetCutoff or login_attempts.failures < ${free}
    or login_attempts.window_start <= (case min(login_attempts.failures - ${free}, ${top}) ${steps} end))`;
  const userOpen = unknown
    ? `coalesce((select window_start <= :windowCutoff or failures < :userMax from login_attempts where key = :userKey), 1)`
    : "1";

  const reservePair = withArgs(
    `insert into login_attempts (key, window_start, failures) select :ownKey, :stamp, 1 where ${userOpen}
      on conflict(key) do update set
        failures = case when login_attempts.window_start <= :forgetCutoff then 1 else login_attempts.failures + 1 end,
        window_start = :stamp
      where ${pairOpen} and ${userOpen}
      returning failures`,
    args,
  );
  const follow = (keyArg: string) =>
    withArgs(
      `insert into login_attempts (key, window_start, failures) select :${keyArg}, :stamp, 1 where changes() = 1
      on conflict(key) do update set
        failures = case when login_attempts.window_start <= :windowCutoff then 1 else login_attempts.failures + 1 end,
        window_start = case when login_attempts.window_start <= :windowCutoff then :stamp else login_attempts.window_start end`,
      args,
    );
  const statements = unknown ? [reservePair, follow("userKey"), follow("addrKey")] : [reservePair];
  const [reserved] = await db.$client.batch(statements, "write");
  const sharedKeys = unknown ? [userKey, addrKey] : [];
  if (reserved!.rows.length > 0) return { allowed: true, retryAfterMs: 0, ownKey, sharedKeys };

  // Refused: read the counters once more, only to tell the client how long to wait.
  const rows = await db
    .select()
    .from(loginAttempts)
    .where(inArray(loginAttempts.key, [ownKey, userKey, addrKey]));
  const byKey = new Map<string, Row>(rows.map((r) => [r.key, r]));
  const nowMs = now.getTime();
  const addr = byKey.get(addrKey);
  const crowded = unknown && !!addr && addr.failures >= policy.maxPerAddress && Date.parse(addr.windowStart) > nowMs - policy.windowMs;
  const waits = [pairWait(byKey.get(ownKey), crowded ? 1 : policy.maxPerPair, policy, nowMs)];
  if (unknown) waits.push(windowWait(byKey.get(userKey), policy.maxPerUser, policy.windowMs, nowMs));
  return { allowed: false, retryAfterMs: Math.max(1000, ...waits), ownKey, sharedKeys };
}

/** The statement with only the named arguments it uses: sqld refuses extra ones (ARGS_INVALID). */
function withArgs(text: string, all: Record<string, InValue>): { sql: string; args: Record<string, InValue> } {
  const args: Record<string, InValue> = {};
  for (const [, name] of text.matchAll(/:([A-Za-z]\w*)/g)) {
    if (!(name! in all)) throw new Error(`no argument for :${name}`);
    args[name!] = all[name!]!;
  }
  return { sql: text, args };
}

function pairWait(row: Row | undefined, free: number, policy: ThrottlePolicy, nowMs: number): number {
  if (!row || row.failures < free) return 0;
  const last = Date.parse(row.windowStart);
  if (last <= nowMs - PAIR_MEMORY_MS) return 0;
  return Math.max(0, last + backoffDelayMs(row.failures - free, policy.windowMs) - nowMs);
}

function windowWait(row: Row | undefined, max: number, windowMs: number, nowMs: number): number {
  if (!row || row.failures < max) return 0;
  return Math.max(0, Date.parse(row.windowStart) + windowMs - nowMs);
}

/**
 * The reserved try was the right password: its own counter is cleared (the user at this device or
 * address starts afresh) and its reservation on the shared counters is given back, while failures
 * others made there stay counted. Stale counters are dropped on the way.
 */
export async function settleLoginSuccess(db: Database, attempt: LoginAttempt, now: Date, policy: ThrottlePolicy): Promise<void> {
  const stale = new Date(now.getTime() - Math.max(PAIR_MEMORY_MS, policy.windowMs)).toISOString();
  await db.batch([
    db.delete(loginAttempts).where(inArray(loginAttempts.key, [attempt.ownKey])),
    ...(attempt.sharedKeys.length > 0
      ? [
          db
            .update(loginAttempts)
            .set({ failures: sql`max(${loginAttempts.failures} - 1, 0)` })
            .where(inArray(loginAttempts.key, attempt.sharedKeys)),
        ]
      : []),
    db.delete(loginAttempts).where(lt(loginAttempts.windowStart, stale)),
  ]);
}

/**
 * `POST /auth/password` proves the current password, so it is a login attempt too: at most
 * `max` wrong ones per user within the window, reserved atomically before the check. Returns the
 * count including this try, or undefined when refused (and how long to wait).
 */
export async function reservePasswordCheck(
  db: Database,
  userId: number,
  limits: { max: number; windowMs: number },
  now: Date,
): Promise<{ allowed: true; failures: number } | { allowed: false; retryAfterMs: number }> {
  const key = passwordKey(userId);
  const args = { key, stamp: now.toISOString(), windowCutoff: new Date(now.getTime() - limits.windowMs).toISOString(), max: limits.max };
  const result = await db.$client.execute({
    sql: `insert into login_attempts (key, window_start, failures) select :key, :stamp, 1 where 1
      on conflict(key) do update set
        failures = case when login_attempts.window_start <= :windowCutoff then 1 else login_attempts.failures + 1 end,
        window_start = case when login_attempts.window_start <= :windowCutoff then :stamp else login_attempts.window_start end
      where login_attempts.window_start <= :windowCutoff or login_attempts.failures < :max
      returning failures`,
    args,
  });
  const row = result.rows[0];
  if (row) return { allowed: true, failures: Number(row.failures) };
  const [stored] = await db
    .select()
    .from(loginAttempts)
    .where(inArray(loginAttempts.key, [key]));
  return { allowed: false, retryAfterMs: Math.max(1000, windowWait(stored, limits.max, limits.windowMs, now.getTime())) };
}

/** The current password was right: its count starts again. */
export async function clearPasswordChecks(db: Database, userId: number): Promise<void> {
  await db.delete(loginAttempts).where(inArray(loginAttempts.key, [passwordKey(userId)]));
}

const passwordKey = (userId: number) => `password:${userId}`;
