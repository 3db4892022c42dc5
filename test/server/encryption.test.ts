/**
 * Encryption at rest of the embedded file (issue 19): an encrypted file holds no plaintext, does not
 * open without its key or with a wrong one (and says which), works with it; the backup of an
 * encrypted database is encrypted under the same key and restores; db:rekey rotates the key and
 * encrypts a plain file; no key ever appears in a message.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config";
import { createDatabase } from "../../server/db/client";
import { checkEncryptionSettings, isEncryptedFile, openCheckedClient } from "../../server/db/encryption";
import { migrateDatabase } from "../../server/db/migrate";
import { startNodeServer } from "../../server/node";
import { runScript } from "../helpers/run-script";

const dir = mkdtempSync(join(tmpdir(), "cw-encryption-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const KEY = "test-key-0123456789-abcdefghijklmnopqrstuvwxyz";
const OTHER_KEY = "another-key-9876543210-ZYXWVUTSRQPONMLKJIHGFEDCBA";
const MARKER = "明文标记-PLAINTEXT-MARKER-13800138000";
let fileNo = 0;

/** A migrated database file with one setting row holding MARKER, encrypted under `key` (or plain). */
async function makeDatabase(key: string | undefined): Promise<string> {
  const path = join(dir, `db-${fileNo++}.db`);
  const client = await openCheckedClient({ DATABASE_URL: `file:${path}`, DATABASE_ENCRYPTION_KEY: key });
  await migrateDatabase(createDatabase(client), { embedded: true });
  await client.execute({ sql: "insert into settings (key, value) values ('marker', ?)", args: [JSON.stringify(MARKER)] });
  client.close();
  return path;
}

/** makeDatabase in a child process, so this process holds no connection or lock on the file. */
async function makeDatabaseApart(key: string | undefined): Promise<string> {
  const path = join(dir, `db-${fileNo++}.db`);
  const run = await runScript("test/helpers/db-fixture.ts", { DATABASE_URL: `file:${path}`, DATABASE_ENCRYPTION_KEY: key, MARKER }, [
    "make",
  ]);
  if (run.code !== 0) throw new Error(run.output);
  return path;
}

/** The marker and every table's row count, read in a child process. */
async function inspectApart(path: string, key: string | undefined): Promise<{ marker: string; counts: Record<string, number> }> {
  const run = await runScript("test/helpers/db-fixture.ts", { DATABASE_URL: `file:${path}`, DATABASE_ENCRYPTION_KEY: key }, ["inspect"]);
  if (run.code !== 0) throw new Error(run.output);
  return JSON.parse(run.output.trim().split("\n").at(-1)!) as { marker: string; counts: Record<string, number> };
}

/** Every byte on disk that belongs to the database: the file and its WAL, if any. */
function bytesOnDisk(path: string): Buffer {
  return Buffer.concat([path, `${path}-wal`].filter((p) => existsSync(p)).map((p) => readFileSync(p)));
}

async function readMarker(path: string, key: string | undefined): Promise<string> {
  const client = createClient({ url: `file:${path}`, ...(key !== undefined ? { encryptionKey: key } : {}) });
  try {
    const rs = await client.execute("select value from settings where key = 'marker'");
    return JSON.parse(String(rs.rows[0]!.value)) as string;
  } finally {
    client.close();
  }
}

const markerBytes = Buffer.from(MARKER, "utf8");

describe("encrypted embedded file", () => {
  it("holds no plaintext, and opens only with its key", async () => {
    const plain = await makeDatabase(undefined);
    // The control: the same write in a plain file is readable on disk, so the check below can fail.
    expect(bytesOnDisk(plain).includes(markerBytes)).toBe(true);
    expect(isEncryptedFile(plain)).toBe(false);

    const path = await makeDatabase(KEY);
    expect(bytesOnDisk(path).includes(markerBytes)).toBe(false);
    expect(bytesOnDisk(path).includes(Buffer.from("CREATE TABLE"))).toBe(false);
    expect(isEncryptedFile(path)).toBe(true);

    expect(await readMarker(path, KEY)).toBe(MARKER);
    await expect(readMarker(path, undefined)).rejects.toMatchObject({ code: "SQLITE_NOTADB" });
    await expect(readMarker(path, OTHER_KEY)).rejects.toMatchObject({ code: "SQLITE_NOTADB" });
  });

  it("says what is wrong instead of SQLITE_NOTADB, never showing a key", async () => {
    const path = await makeDatabase(KEY);
    const url = `file:${path}`;
    expect(() => checkEncryptionSettings({ DATABASE_URL: url })).toThrow(/is encrypted and DATABASE_ENCRYPTION_KEY is not set/);
    const wrong = await openCheckedClient({ DATABASE_URL: url, DATABASE_ENCRYPTION_KEY: OTHER_KEY }).catch((e: Error) => e);
    expect(wrong).toBeInstanceOf(Error);
    expect((wrong as Error).message).toMatch(/DATABASE_ENCRYPTION_KEY does not open .* the key is wrong/);
    expect((wrong as Error).message).not.toContain(OTHER_KEY);

    const plain = await makeDatabase(undefined);
    expect(() => checkEncryptionSettings({ DATABASE_URL: `file:${plain}`, DATABASE_ENCRYPTION_KEY: KEY })).toThrow(
      /is not encrypted but DATABASE_ENCRYPTION_KEY is set: encrypt the file first with `npm run db:rekey`/,
    );
    expect(() => checkEncryptionSettings({ DATABASE_URL: "libsql://db.example.turso.io", DATABASE_ENCRYPTION_KEY: KEY })).toThrow(
      /applies only to an embedded file/,
    );
    // A new file is created encrypted.
    const fresh = join(dir, "fresh.db");
    const client = await openCheckedClient({ DATABASE_URL: `file:${fresh}`, DATABASE_ENCRYPTION_KEY: KEY });
    await client.execute("create table t (x)");
    client.close();
    expect(isEncryptedFile(fresh)).toBe(true);
  });

  it("config wants a key of 32+ characters and does not echo it", () => {
    const short = "short-secret-key";
    const error = (() => {
      try {
        loadConfig({ DATABASE_ENCRYPTION_KEY: short });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toMatch(/DATABASE_ENCRYPTION_KEY: must be at least 32 characters/);
    expect(error?.message).not.toContain(short);
    expect(loadConfig({ DATABASE_ENCRYPTION_KEY: KEY }).DATABASE_ENCRYPTION_KEY).toBe(KEY);
    expect(loadConfig({}).DATABASE_ENCRYPTION_KEY).toBeUndefined();
  });
});

describe("npm run backup of an encrypted database", { timeout: 120_000 }, () => {
  it("writes a copy encrypted under the same key, which restores", async () => {
    const path = await makeDatabase(KEY);
    const target = join(dir, "backup-enc.db");
    const run = await runScript("server/scripts/backup.ts", { DATABASE_URL: `file:${path}`, DATABASE_ENCRYPTION_KEY: KEY }, [target]);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain("integrity_check: ok");
    expect(run.output).toContain("encrypted under DATABASE_ENCRYPTION_KEY");
    expect(run.output).not.toContain(KEY);
    expect(isEncryptedFile(target)).toBe(true);
    expect(readFileSync(target).includes(markerBytes)).toBe(false);
    await expect(readMarker(target, undefined)).rejects.toMatchObject({ code: "SQLITE_NOTADB" });
    await expect(readMarker(target, OTHER_KEY)).rejects.toMatchObject({ code: "SQLITE_NOTADB" });
    expect(await readMarker(target, KEY)).toBe(MARKER);
  });

  it("refuses an encrypted database without its key, naming the setting", async () => {
    const path = await makeDatabase(KEY);
    const target = join(dir, "backup-nokey.db");
    const run = await runScript("server/scripts/backup.ts", { DATABASE_URL: `file:${path}` }, [target]);
    expect(run.code).toBe(2);
    expect(run.output).toMatch(/is encrypted and DATABASE_ENCRYPTION_KEY is not set/);
    expect(existsSync(target)).toBe(false);
  });
});

describe("npm run db:rekey", { timeout: 120_000 }, () => {
  it("rotates the key: the file opens with the new key only, every row kept", async () => {
    const path = await makeDatabaseApart(KEY);
    const before = (await inspectApart(path, KEY)).counts;
    const run = await runScript("server/scripts/rekey.ts", {
      DATABASE_URL: `file:${path}`,
      DATABASE_ENCRYPTION_KEY: KEY,
      NEW_DATABASE_ENCRYPTION_KEY: OTHER_KEY,
    });
    expect(run.code, run.output).toBe(0);
    expect(run.output).not.toContain(KEY);
    expect(run.output).not.toContain(OTHER_KEY);
    expect(await readMarker(path, OTHER_KEY)).toBe(MARKER);
    await expect(readMarker(path, KEY)).rejects.toMatchObject({ code: "SQLITE_NOTADB" });
    expect(await tableCounts(path, OTHER_KEY)).toEqual(before);
    expect(bytesOnDisk(path).includes(markerBytes)).toBe(false);
  });

  it("encrypts a plain database in place", async () => {
    const path = await makeDatabaseApart(undefined);
    const before = (await inspectApart(path, undefined)).counts;
    const run = await runScript("server/scripts/rekey.ts", { DATABASE_URL: `file:${path}`, NEW_DATABASE_ENCRYPTION_KEY: KEY });
    expect(run.code, run.output).toBe(0);
    expect(isEncryptedFile(path)).toBe(true);
    expect(bytesOnDisk(path).includes(markerBytes)).toBe(false);
    expect(await readMarker(path, KEY)).toBe(MARKER);
    expect(await tableCounts(path, KEY)).toEqual(before);
    // The migrations recorded in it still count: the server's migrate on start is a no-op.
    const client = await openCheckedClient({ DATABASE_URL: `file:${path}`, DATABASE_ENCRYPTION_KEY: KEY });
    await migrateDatabase(createDatabase(client), { embedded: true });
    client.close();
    expect(await tableCounts(path, KEY)).toEqual(before);
  });

  it("leaves the file as it was on a wrong current key or a weak new key", async () => {
    const path = await makeDatabaseApart(KEY);
    const before = (await inspectApart(path, KEY)).counts;
    const wrong = await runScript("server/scripts/rekey.ts", {
      DATABASE_URL: `file:${path}`,
      DATABASE_ENCRYPTION_KEY: "x".repeat(40),
      NEW_DATABASE_ENCRYPTION_KEY: OTHER_KEY,
    });
    expect(wrong.code).not.toBe(0);
    expect(wrong.output).toMatch(/the key is wrong/);
    const weak = await runScript("server/scripts/rekey.ts", {
      DATABASE_URL: `file:${path}`,
      DATABASE_ENCRYPTION_KEY: KEY,
      NEW_DATABASE_ENCRYPTION_KEY: "too-short",
    });
    expect(weak.code).toBe(2);
    expect(weak.output).toMatch(/at least 32 characters/);
    expect(weak.output).not.toContain("too-short");
    expect(await readMarker(path, KEY)).toBe(MARKER);
    expect(await tableCounts(path, KEY)).toEqual(before);
    await expect(readMarker(path, OTHER_KEY)).rejects.toMatchObject({ code: "SQLITE_NOTADB" });
    expect(
      readdirSync(dir).filter((f) => f.includes(".rekey-")),
      "no copy left behind",
    ).toEqual([]);
  });
});

describe("db:rekey beside a running server", { timeout: 120_000 }, () => {
  it("refuses while the server has the file open, and leaves it working", async () => {
    const path = join(dir, "running.db");
    const server = await startNodeServer({
      port: 0,
      host: "127.0.0.1",
      databaseUrl: `file:${path}`,
      adminPassword: "encryption-test-pass-1",
      env: { DATABASE_ENCRYPTION_KEY: KEY, WEBHOOK_INTERVAL_SECONDS: "0" },
      quiet: true,
    });
    try {
      // (No read of the file from this process here: closing a descriptor of it would drop the
      // server's locks, which are what the script must find.)
      const run = await runScript("server/scripts/rekey.ts", {
        DATABASE_URL: `file:${path}`,
        DATABASE_ENCRYPTION_KEY: KEY,
        NEW_DATABASE_ENCRYPTION_KEY: OTHER_KEY,
      });
      expect(run.code, run.output).toBe(2);
      expect(run.output).toMatch(/is in use by another process: stop the server/);
      expect((await fetch(`${server.url}/api/v1/surveys/resident`)).status).toBe(200);
    } finally {
      await server.close();
    }
    expect(isEncryptedFile(path)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes(".rekey-"))).toEqual([]);
  });
});

describe("npm run db:migrate:file", { timeout: 120_000 }, () => {
  it("migrates an encrypted file with its key", async () => {
    const path = join(dir, "migrate.db");
    const run = await runScript("server/scripts/migrate-embedded.ts", { DATABASE_URL: `file:${path}`, DATABASE_ENCRYPTION_KEY: KEY });
    expect(run.code, run.output).toBe(0);
    expect(isEncryptedFile(path)).toBe(true);
    const counts = await tableCounts(path, KEY);
    expect(counts.__drizzle_migrations).toBeGreaterThan(0);
    const again = await runScript("server/scripts/migrate-embedded.ts", { DATABASE_URL: `file:${path}` });
    expect(again.code).toBe(2);
    expect(again.output).toMatch(/is encrypted and DATABASE_ENCRYPTION_KEY is not set/);
  });
});

async function tableCounts(path: string, key: string | undefined): Promise<Record<string, number>> {
  const client = createClient({ url: `file:${path}`, ...(key !== undefined ? { encryptionKey: key } : {}) });
  try {
    const tables = await client.execute("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name");
    const out: Record<string, number> = {};
    for (const row of tables.rows) {
      const name = String(row.name);
      out[name] = Number((await client.execute(`select count(*) from "${name}"`)).rows[0]![0]);
    }
    return out;
  } finally {
    client.close();
  }
}

describe("npm run db:migrate (drizzle-kit) on an encrypted file", { timeout: 120_000 }, () => {
  it("stops and names db:migrate:file instead of failing on the ciphertext", async () => {
    const path = await makeDatabase(KEY);
    const run = await runScript("node_modules/drizzle-kit/bin.cjs", { DATABASE_URL: `file:${path}`, DATABASE_ENCRYPTION_KEY: KEY }, [
      "migrate",
    ]);
    expect(run.code).not.toBe(0);
    expect(run.output).toContain("drizzle-kit cannot open an encrypted database file");
    expect(run.output).toContain("npm run db:migrate:file");
    expect(run.output).not.toContain(KEY);
  });
});

describe("the Worker", () => {
  it("refuses DATABASE_ENCRYPTION_KEY, which would encrypt nothing there, without echoing it", async () => {
    const worker = (await import("../../server/worker")).default;
    const ctx = { waitUntil: () => {}, passThroughOnException: () => {}, props: {} } as unknown as Parameters<typeof worker.fetch>[2];
    const res = await worker.fetch(
      new Request("http://127.0.0.1/api/v1/surveys"),
      { DATABASE_URL: "http://127.0.0.1:9", DATABASE_ENCRYPTION_KEY: KEY, SERVER_SECRET: "s".repeat(32) },
      ctx,
    );
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(text).toContain("DATABASE_ENCRYPTION_KEY applies only to an embedded file");
    expect(text).not.toContain(KEY);
  });
});
