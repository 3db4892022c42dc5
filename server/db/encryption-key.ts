/**
 * The minimum length of DATABASE_ENCRYPTION_KEY: 32 characters, e.g. `openssl rand -base64 32`
 * (44 characters, 256 random bits). A pure module, because config.ts (also bundled into the
 * Worker) reads it and server/db/encryption.ts needs node:fs.
 */
export const MIN_ENCRYPTION_KEY_LENGTH = 32;

/** Why a key with a remote DATABASE_URL is refused (Node and the Worker say the same). */
export const REMOTE_KEY_MESSAGE =
  'DATABASE_ENCRYPTION_KEY applies only to an embedded file (DATABASE_URL=file:...); a libSQL server (sqld) or Turso encrypts on its own side: unset it (docs/operations.md, "Encryption at rest")';
