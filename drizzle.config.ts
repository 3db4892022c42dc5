import { defineConfig } from "drizzle-kit";
import { checkEncryptionSettings, embeddedFilePath } from "./server/db/encryption";

const url = process.env.DATABASE_URL ?? "file:data/survey.db";
const encryptionKey = process.env.DATABASE_ENCRYPTION_KEY || undefined;
// drizzle-kit's turso credentials take only url and authToken, so it cannot open an encrypted
// file: stop with the command that can, instead of "file is not a database". `generate` opens no
// database, so it is left alone.
if (embeddedFilePath(url) !== undefined && !process.argv.includes("generate")) {
  checkEncryptionSettings({ DATABASE_URL: url, DATABASE_ENCRYPTION_KEY: encryptionKey });
  if (encryptionKey !== undefined) {
    throw new Error(
      "drizzle-kit cannot open an encrypted database file: apply the migrations with `npm run db:migrate:file` (it reads DATABASE_ENCRYPTION_KEY), or start the server, which migrates on start",
    );
  }
}

export default defineConfig({
  dialect: "turso",
  schema: "./server/db/schema.ts",
  out: "./server/db/migrations",
  dbCredentials: {
    url,
    authToken: process.env.DATABASE_AUTH_TOKEN,
  },
});
