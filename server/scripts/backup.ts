/**
 * `npm run backup [path]`: a consistent snapshot of the embedded database in DATABASE_URL
 * (default file:data/survey.db) while the server keeps writing. `VACUUM INTO` copies the database
 * as of one read transaction (WAL mode lets it run beside the writer), so the copy holds every
 * transaction committed before it started and none half-way. The copy is then opened and checked
 * (`PRAGMA integrity_check`); the script prints its path and exits non-zero if anything failed.
 *
 *   npm run backup                         # backups/survey-2026-11-22T01-02-03Z.db
 *   npm run backup -- /mnt/usb/survey.db
 *
 * An encrypted database (DATABASE_ENCRYPTION_KEY) gives an encrypted copy under the same key:
 * libSQL's VACUUM INTO writes the target with the source's key. The script checks that the copy
 * is encrypted and opens with the key, and fails otherwise.
 */
import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { createClient } from "@libsql/client";
import { loadConfig } from "../config";
import { EncryptionSetupError, isEncryptedFile, openCheckedClient, redactKeys } from "../db/encryption";

const config = loadConfig(process.env);
if (!config.DATABASE_URL.startsWith("file:")) {
  console.error(`backup: DATABASE_URL is ${config.DATABASE_URL}, not an embedded file; back up sqld/Turso as docs/operations.md says`);
  process.exit(2);
}
const stamp = new Date()
  .toISOString()
  .replace(/\.\d+Z$/, "Z")
  .replaceAll(":", "-");
const target = resolve(process.argv[2] ?? `backups/survey-${stamp}.db`);
if (existsSync(target)) {
  console.error(`backup: ${target} exists already; choose a new path`);
  process.exit(2);
}
mkdirSync(dirname(target), { recursive: true });

const started = performance.now();
// The busy timeout (on every pooled connection): the snapshot may wait briefly for a checkpoint.
const key = config.DATABASE_ENCRYPTION_KEY;
let source: Awaited<ReturnType<typeof openCheckedClient>>;
try {
  source = await openCheckedClient({ DATABASE_URL: config.DATABASE_URL, DATABASE_ENCRYPTION_KEY: key }, { timeout: 5000 });
} catch (error) {
  console.error(`backup: ${error instanceof EncryptionSetupError ? error.message : redactKeys(String(error), [key])}`);
  process.exit(2);
}
try {
  await source.execute({ sql: "VACUUM INTO ?", args: [target] });
} finally {
  source.close();
}
if (key !== undefined && !isEncryptedFile(target)) {
  console.error(`backup: ${target} is not encrypted although the database is; remove it (it holds the data in plain)`);
  process.exit(1);
}

const copy = createClient({ url: `file:${target}`, ...(key !== undefined ? { encryptionKey: key } : {}) });
try {
  const check = await copy.execute("PRAGMA integrity_check");
  const verdict = check.rows.map((r) => String(r[0])).join("; ");
  const responses = Number((await copy.execute("select count(*) from responses")).rows[0]![0]);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`backup: ${target}`);
  console.log(`  ${(statSync(target).size / 1024 / 1024).toFixed(1)} MiB, ${responses} responses, ${seconds} s`);
  console.log(`  integrity_check: ${verdict}`);
  console.log(`  ${key !== undefined ? "encrypted under DATABASE_ENCRYPTION_KEY (restore needs the same key)" : "not encrypted"}`);
  if (verdict !== "ok") process.exit(1);
} finally {
  copy.close();
}
