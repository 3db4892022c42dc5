import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/libsql/migrator";
import type { Database } from "./client";

/** The committed drizzle-kit migrations, resolved from this file so any working directory works. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));

/**
 * Applies the committed migrations (Node and tests). SQLite pragmas that matter for an embedded
 * file (WAL for concurrent readers, a busy timeout for several processes) are set here too.
 */
export async function migrateDatabase(db: Database, options: { embedded: boolean }): Promise<void> {
  if (options.embedded) {
    await db.$client.execute("PRAGMA journal_mode = WAL");
    await db.$client.execute("PRAGMA busy_timeout = 5000");
    await db.$client.execute("PRAGMA synchronous = NORMAL");
  }
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
