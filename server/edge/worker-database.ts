/**
 * Opening the remote libSQL database from a Worker or one of its Durable Objects: both read the
 * same vars and secrets and must open it the same way.
 */
import { createClient } from "@libsql/client/web";
import { type Config, loadConfig } from "../config";
import { createDatabase, type Database } from "../db/client";
import { REMOTE_KEY_MESSAGE } from "../db/encryption-key";

/** The Worker's string vars and secrets (bindings such as ASSETS are objects and left out). */
export function workerConfig(env: Record<string, unknown>): Config {
  const strings = Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === "string"));
  return loadConfig(strings);
}

export function openWorkerDatabase(config: Config): Database {
  if (!/^(libsql|https?):/.test(config.DATABASE_URL)) {
    throw new Error(
      `DATABASE_URL must point at a libSQL server (libsql://, https://), not ${config.DATABASE_URL.split(":")[0]}: (WebSockets would tie the connection to one request)`,
    );
  }
  // A key here would encrypt nothing (Turso or sqld encrypt on their side): refuse it rather than
  // let an operator believe the data is under it.
  if (config.DATABASE_ENCRYPTION_KEY !== undefined) throw new Error(REMOTE_KEY_MESSAGE);
  // The client queues requests past `concurrency` (default 20) and a queued request awaits another
  // request's promise, which workerd cancels as a hang. The isolate's own concurrency bounds the
  // requests anyway, so the queue is made unreachable (0 does not turn it off: `0 || 20`).
  const client = createClient({ url: config.DATABASE_URL, authToken: config.DATABASE_AUTH_TOKEN, concurrency: 100_000 });
  return createDatabase(client);
}
