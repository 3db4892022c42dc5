import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/libsql/migrator";
import type { Database } from "./client";

/** The committed drizzle-kit migrations, resolved from this file so any working directory works. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));

/** The same folder from the repository root, for the built entry (dist/server/node.mjs), which is not beside it. */
export const MIGRATIONS_PATH = "server/db/migrations";

/**
 * Applies the committed migrations (Node and tests). WAL (concurrent readers while one writer
 * commits) is a property of the file, so it is set here once. The busy timeout is per connection
 * and is given to createClient (`timeout`), which applies it to every connection of its pool;
 * `synchronous` stays at SQLite's FULL: each commit reaches the disk before its 2xx, and the
 * batching writer pays that once per batch, not per response.
 */
export async function migrateDatabase(db: Database, options: { embedded: boolean; folder?: string }): Promise<void> {
  if (options.embedded) {
    await db.$client.execute("PRAGMA journal_mode = WAL");
  }
  await migrate(db, { migrationsFolder: options.folder ?? MIGRATIONS_FOLDER });
}
