/**
 * `npm run db:migrate:file`: applies the migrations to the embedded file in DATABASE_URL, opened
 * with DATABASE_ENCRYPTION_KEY when it is encrypted. drizzle-kit (`npm run db:migrate`) cannot
 * open an encrypted file: its turso credentials take only url and authToken. This is the same
 * drizzle-orm migrator the server runs on start, so either way records the same migrations.
 */
import { loadConfig } from "../config";
import { createDatabase } from "../db/client";
import { embeddedFilePath, EncryptionSetupError, openCheckedClient } from "../db/encryption";
import { migrateDatabase } from "../db/migrate";

const config = loadConfig(process.env);
if (embeddedFilePath(config.DATABASE_URL) === undefined) {
  console.error("db:migrate:file: DATABASE_URL is not an embedded file (file:...); use `npm run db:migrate` for sqld/Turso");
  process.exit(2);
}
try {
  const client = await openCheckedClient(config);
  try {
    await migrateDatabase(createDatabase(client), { embedded: true });
  } finally {
    client.close();
  }
  console.log(`db:migrate:file: ${embeddedFilePath(config.DATABASE_URL)} is up to date`);
} catch (error) {
  console.error(`db:migrate:file: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof EncryptionSetupError ? 2 : 1);
}
