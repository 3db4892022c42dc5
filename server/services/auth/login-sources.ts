import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import type { Database } from "../../db/client";
import { loginKnownSources } from "../../db/schema";
import { hmacSha256, toBase64Url } from "../../lib/crypto";

/**
 * Where a login comes from, as stored: keyed hashes of the client address and of the optional
 * device id the login form sends, never the raw values. The address hash uses its own domain
 * (`login-addr:`), so a sign-in cannot be linked to the source hashes stored with QR responses.
 */
export interface LoginSources {
  address: string;
  device?: string;
}

/** An address or device that signed in as this user within this many days counts as known. */
export const KNOWN_SOURCE_DAYS = 90;

/**
 * Hashes by secret and input. The promise is cached, not the value: concurrent logins from one
 * address share one HMAC and continue in the order they arrived, which keeps reservations in
 * arrival order too.
 */
const hashes = new LRUCache<string, Promise<string>>({ max: 20_000, ttl: 10 * 60_000 });

function keyedHash(secret: string, message: string): Promise<string> {
  const cacheKey = `${secret}\u0000${message}`;
  let hash = hashes.get(cacheKey);
  if (!hash) {
    hash = hmacSha256(secret, message).then((bytes) => toBase64Url(bytes.slice(0, 16)));
    hash.catch(() => hashes.delete(cacheKey));
    hashes.set(cacheKey, hash);
  }
  return hash;
}

export async function loginSources(secret: string, address: string, deviceId: string | undefined): Promise<LoginSources> {
  const addressHash = await keyedHash(secret, `login-addr:${address}`);
  if (!deviceId) return { address: `addr:${addressHash}` };
  return { address: `addr:${addressHash}`, device: `device:${await keyedHash(secret, `login-device:${deviceId}`)}` };
}

export type KnownSource = "device" | "address" | undefined;

/**
 * Whether this user signed in from this device (preferred: a stranger behind the same address
 * cannot use it) or this address before. Known sources only ever grow, so reading this before
 * the reservation cannot be raced into letting more tries through.
 */
export async function knownSource(db: Database, username: string, sources: LoginSources, now: Date): Promise<KnownSource> {
  const since = new Date(now.getTime() - KNOWN_SOURCE_DAYS * 86_400_000).toISOString();
  const wanted = sources.device ? [sources.device, sources.address] : [sources.address];
  const rows = await db
    .select({ source: loginKnownSources.source })
    .from(loginKnownSources)
    .where(
      and(eq(loginKnownSources.username, username), inArray(loginKnownSources.source, wanted), gt(loginKnownSources.lastSuccessAt, since)),
    );
  const found = new Set(rows.map((r) => r.source));
  if (sources.device && found.has(sources.device)) return "device";
  if (found.has(sources.address)) return "address";
  return undefined;
}

/** After a successful login: this address (and device) are known for the user from now on. */
export async function rememberSources(db: Database, username: string, sources: LoginSources, now: Date): Promise<void> {
  const stamp = now.toISOString();
  const rows = [sources.address, ...(sources.device ? [sources.device] : [])].map((source) => ({ username, source, lastSuccessAt: stamp }));
  await db
    .insert(loginKnownSources)
    .values(rows)
    .onConflictDoUpdate({
      target: [loginKnownSources.username, loginKnownSources.source],
      set: { lastSuccessAt: sql`excluded.last_success_at` },
    });
}
