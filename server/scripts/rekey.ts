/**
 * `npm run db:rekey`: writes the embedded database in DATABASE_URL under a new encryption key, and
 * encrypts a plain file the same way. Run it with the server stopped:
 *
 *   DATABASE_ENCRYPTION_KEY=<current key, unset for a plain file> \
 *   NEW_DATABASE_ENCRYPTION_KEY=<new key, 32+ characters> npm run db:rekey
 *
 * How: libSQL's in-place `PRAGMA rekey` refuses a database in WAL mode ("Rekeying is not supported
 * in WAL journal mode"), which ours always is, so the script copies instead: `VACUUM INTO` a
 * `file:` URI whose `key` parameter is the new key gives an encrypted copy under it (checked with
 * libSQL 0.5.29 / @libsql/client 0.18.0). The copy is opened with the new key, must pass
 * integrity_check and hold the same rows in every table, and must not open with the old key; only
 * then does it replace the file (a rename, so the file is either the old or the new one). It holds
 * the file in exclusive locking mode from its first read, so it refuses to run while the server (or
 * anything else) has the database open, and nothing writes between the copy and the swap. No key
 * is ever printed.
 */
import { existsSync, renameSync, rmSync, statSync } from "node:fs";
import { createClient, type Client } from "@libsql/client";
import { loadConfig } from "../config";
import {
  checkEncryptionSettings,
  clientConfig,
  embeddedFilePath,
  isEncryptedFile,
  isNotADatabase,
  redactKeys,
  vacuumTarget,
} from "../db/encryption";
import { MIN_ENCRYPTION_KEY_LENGTH } from "../db/encryption-key";

const config = loadConfig(process.env);
const oldKey = config.DATABASE_ENCRYPTION_KEY;
const newKey = process.env.NEW_DATABASE_ENCRYPTION_KEY || undefined;
const fail = (message: string, code = 2): never => {
  console.error(`db:rekey: ${redactKeys(message, [oldKey, newKey])}`);
  process.exit(code);
};

const path = embeddedFilePath(config.DATABASE_URL);
if (path === undefined) fail(`DATABASE_URL is not an embedded file; sqld and Turso encrypt on their side (docs/operations.md)`);
const file = path!;
if (!existsSync(file) || statSync(file).size === 0) fail(`${file} does not exist or is empty`);
if (newKey === undefined || newKey.length < MIN_ENCRYPTION_KEY_LENGTH) {
  fail(`NEW_DATABASE_ENCRYPTION_KEY must be set, at least ${MIN_ENCRYPTION_KEY_LENGTH} characters (e.g. openssl rand -base64 32)`);
}
if (newKey === oldKey) fail("NEW_DATABASE_ENCRYPTION_KEY is the current key; choose a new one");

const stamp = new Date()
  .toISOString()
  .replace(/\.\d+Z$/, "Z")
  .replaceAll(":", "-");
const temp = `${file}.rekey-${stamp}`;

async function tableCounts(client: Client): Promise<Record<string, number>> {
  const tables = await client.execute("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name");
  const counts: Record<string, number> = {};
  for (const row of tables.rows) {
    const name = String(row.name);
    counts[name] = Number((await client.execute(`select count(*) from "${name.replaceAll('"', '""')}"`)).rows[0]![0]);
  }
  return counts;
}

async function opens(url: string, key: string | undefined): Promise<boolean> {
  const client = createClient({ url, ...(key !== undefined ? { encryptionKey: key } : {}) });
  try {
    await client.execute("select count(*) from sqlite_master");
    return true;
  } catch {
    return false;
  } finally {
    client.close();
  }
}

try {
  const settings = { DATABASE_URL: config.DATABASE_URL, DATABASE_ENCRYPTION_KEY: oldKey };
  checkEncryptionSettings(settings);
  const source = createClient(clientConfig(settings, { timeout: 2000 }));
  let before: Record<string, number>;
  try {
    // Exclusive locking before the first read: in WAL mode the connection then holds the file
    // alone until it closes, so a running server (any open connection) makes this fail with
    // SQLITE_BUSY, and nothing can write between the copy and the swap.
    await source.execute("PRAGMA locking_mode = EXCLUSIVE");
    try {
      await source.execute("select count(*) from sqlite_master");
    } catch (error) {
      if (isNotADatabase(error)) fail("DATABASE_ENCRYPTION_KEY does not open the database file: the key is wrong");
      if ((error as { code?: string }).code === "SQLITE_BUSY")
        fail(`${file} is in use by another process: stop the server and run db:rekey again`);
      throw error;
    }
    // data_version changes when another connection commits: a write during the copy means the
    // server is running, and the copy would miss it.
    // Everything committed moves from the WAL into the file first, so the old -wal removed at the
    // swap below holds nothing the copy lacks (the copy reads through the WAL anyway).
    await source.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    const version = String((await source.execute("PRAGMA data_version")).rows[0]![0]);
    before = await tableCounts(source);
    await source.execute({ sql: "VACUUM INTO ?", args: [vacuumTarget(temp, newKey!)] });
    const after = String((await source.execute("PRAGMA data_version")).rows[0]![0]);
    if (after !== version || JSON.stringify(await tableCounts(source)) !== JSON.stringify(before)) {
      rmSync(temp, { force: true });
      fail("the database was written while it was copied: stop the server and run db:rekey again");
    }
  } finally {
    source.close();
  }

  if (!isEncryptedFile(temp)) fail(`the copy ${temp} is not encrypted; nothing was replaced`, 1);
  const copy = createClient({ url: `file:${temp}`, encryptionKey: newKey });
  try {
    const verdict = (await copy.execute("PRAGMA integrity_check")).rows.map((r) => String(r[0])).join("; ");
    if (verdict !== "ok") fail(`integrity_check of the copy: ${verdict}; nothing was replaced (copy left at ${temp})`, 1);
    if (JSON.stringify(await tableCounts(copy)) !== JSON.stringify(before)) fail(`the copy's row counts differ; nothing was replaced`, 1);
    // The copy is in rollback-journal mode (VACUUM INTO writes it so); the server sets WAL on start.
  } finally {
    copy.close();
  }
  if (await opens(`file:${temp}`, oldKey)) fail("the copy still opens with the old key; nothing was replaced", 1);

  // The old file's -wal and -shm go first: a WAL left beside the new file would be replayed into it.
  rmSync(`${file}-wal`, { force: true });
  rmSync(`${file}-shm`, { force: true });
  renameSync(temp, file);
  console.log(`db:rekey: ${file} is now encrypted under NEW_DATABASE_ENCRYPTION_KEY (${before.responses ?? 0} responses)`);
  console.log("  set DATABASE_ENCRYPTION_KEY to the new key before starting the server;");
  console.log('  backups taken before need the key they were taken with (docs/operations.md, "Key rotation").');
} catch (error) {
  rmSync(temp, { force: true });
  fail(error instanceof Error ? error.message : String(error), 1);
}
