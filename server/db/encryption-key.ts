/**
 * The minimum length of DATABASE_ENCRYPTION_KEY: 32 characters, e.g. `openssl rand -base64 32`
 * (44 characters, 256 random bits). A pure module, because config.ts (also bundled into the
 * Worker) reads it and server/db/encryption.ts needs node:fs.
 */
export const MIN_ENCRYPTION_KEY_LENGTH = 32;
