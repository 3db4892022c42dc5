/**
 * Encryption at rest for the embedded database file (libSQL's own page encryption, aes256cbc by
 * default in this libSQL). The key comes from DATABASE_ENCRYPTION_KEY only: never stored in the
 * database or the repository, never printed. Every entry that opens the file (server/node.ts and
 * the scripts) gets its client options and its start checks from here, so a missing or wrong key
 * stops them with one clear message instead of SQLITE_NOTADB on the first query.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { createClient, type Client, type Config as ClientConfig } from "@libsql/client";
import { REMOTE_KEY_MESSAGE } from "./encryption-key";

/** What an unencrypted SQLite file starts with; an encrypted libSQL file starts with ciphertext. */
const SQLITE_HEADER = Buffer.from("SQLite format 3\0", "latin1");

export interface DatabaseSettings {
  DATABASE_URL: string;
  DATABASE_AUTH_TOKEN?: string;
  DATABASE_ENCRYPTION_KEY?: string;
}

/** An error whose message names the file and what to do, never the key. */
export class EncryptionSetupError extends Error {
  override name = "EncryptionSetupError";
}

/** The file path of an embedded `file:` URL (query string dropped), or undefined for others. */
export function embeddedFilePath(url: string): string | undefined {
  if (!url.startsWith("file:")) return undefined;
  return resolve(url.slice("file:".length).split("?")[0]!);
}

/** True when the file exists, is not empty and does not start with SQLite's plaintext header. */
export function isEncryptedFile(path: string): boolean {
  if (!existsSync(path) || statSync(path).size === 0) return false;
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(path, "r");
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return !head.equals(SQLITE_HEADER);
}

/**
 * Checks the settings against the file before anything opens it: the key is for embedded files
 * only (sqld and Turso encrypt on their side), an encrypted file needs it, and a plain file with a
 * key set would fail to open (libSQL would read it as ciphertext): say which case it is.
 */
export function checkEncryptionSettings(settings: DatabaseSettings): void {
  const path = embeddedFilePath(settings.DATABASE_URL);
  const key = settings.DATABASE_ENCRYPTION_KEY;
  if (path === undefined) {
    if (key !== undefined && settings.DATABASE_URL !== ":memory:") {
      throw new EncryptionSetupError(REMOTE_KEY_MESSAGE);
    }
    return;
  }
  if (!existsSync(path) || statSync(path).size === 0) return;
  const encrypted = isEncryptedFile(path);
  if (encrypted && key === undefined) {
    throw new EncryptionSetupError(
      `The database file ${path} is encrypted and DATABASE_ENCRYPTION_KEY is not set: set it to the file's key (docs/operations.md, "Encryption at rest")`,
    );
  }
  if (!encrypted && key !== undefined) {
    throw new EncryptionSetupError(
      `The database file ${path} is not encrypted but DATABASE_ENCRYPTION_KEY is set: encrypt the file first with \`npm run db:rekey\` (server stopped), or unset the key (docs/operations.md, "Encryption at rest")`,
    );
  }
}

/** createClient options for these settings: the key goes to embedded files only. */
export function clientConfig(settings: DatabaseSettings, extra: Partial<ClientConfig> = {}): ClientConfig {
  const embedded = embeddedFilePath(settings.DATABASE_URL) !== undefined;
  return {
    url: settings.DATABASE_URL,
    authToken: settings.DATABASE_AUTH_TOKEN,
    ...(embedded && settings.DATABASE_ENCRYPTION_KEY !== undefined ? { encryptionKey: settings.DATABASE_ENCRYPTION_KEY } : {}),
    ...extra,
  };
}

/**
 * Opens the database of these settings after checkEncryptionSettings, and reads it once, so a
 * wrong key is reported here (SQLITE_NOTADB) and not by the first query of a migration.
 */
export async function openCheckedClient(settings: DatabaseSettings, extra: Partial<ClientConfig> = {}): Promise<Client> {
  checkEncryptionSettings(settings);
  const client = createClient(clientConfig(settings, extra));
  try {
    await client.execute("select count(*) from sqlite_master");
  } catch (error) {
    client.close();
    if (isNotADatabase(error) && settings.DATABASE_ENCRYPTION_KEY !== undefined) {
      throw new EncryptionSetupError(
        `DATABASE_ENCRYPTION_KEY does not open the database file ${embeddedFilePath(settings.DATABASE_URL)}: the key is wrong (docs/operations.md, "Encryption at rest")`,
      );
    }
    throw error;
  }
  return client;
}

export function isNotADatabase(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "SQLITE_NOTADB";
}

/**
 * A `file:` URI for VACUUM INTO that writes the copy encrypted under `key` (libSQL reads the `key`
 * URI parameter of the target), or unencrypted when key is "" (SQLite URIs decode %XX escapes).
 */
export function vacuumTarget(path: string, key: string): string {
  return `file:${encodeURI(path).replaceAll("?", "%3F").replaceAll("#", "%23")}?key=${encodeURIComponent(key)}`;
}

/** An error message with every occurrence of the keys masked, for scripts that print failures. */
export function redactKeys(message: string, keys: (string | undefined)[]): string {
  let out = message;
  for (const key of keys) {
    if (!key) continue;
    out = out.replaceAll(key, "***").replaceAll(encodeURIComponent(key), "***");
  }
  return out;
}
