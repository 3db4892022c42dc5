import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { settings } from "../../db/schema";
import { randomToken } from "../../lib/crypto";

export async function readSetting<T>(db: Database, key: string): Promise<T | undefined> {
  const row = await db.query.settings.findFirst({ where: eq(settings.key, key) });
  return row ? (JSON.parse(row.value) as T) : undefined;
}

export async function writeSetting(db: Database, key: string, value: unknown, now: Date): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insert(settings)
    .values({ key, value: json, updatedAt: now.toISOString() })
    .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAt: now.toISOString() } });
}

/**
 * The HMAC key for poster tokens: SERVER_SECRET when set, else one generated on first start and
 * kept in the database so every instance and every restart signs alike. Insert-or-ignore makes
 * two instances starting together agree on one secret.
 */
export async function ensureServerSecret(db: Database, configured: string | undefined, now: Date): Promise<string> {
  if (configured) return configured;
  await db
    .insert(settings)
    .values({ key: "server_secret", value: JSON.stringify(randomToken(32)), updatedAt: now.toISOString() })
    .onConflictDoNothing();
  const secret = await readSetting<string>(db, "server_secret");
  if (!secret) throw new Error("server secret could not be stored");
  return secret;
}
