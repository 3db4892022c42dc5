/**
 * `npm run rollups:rebuild`: recompute the rollups of the database in DATABASE_URL
 * (default file:data/survey.db) from its raw responses, and the open-text comments (response_comments).
 * An encrypted file is opened with DATABASE_ENCRYPTION_KEY.
 */
import { loadConfig } from "../config";
import { createDatabase } from "../db/client";
import { EncryptionSetupError, openCheckedClient } from "../db/encryption";
import { migrateDatabase } from "../db/migrate";
import { rebuildRollups } from "../services/rollups/rollup-rebuild";
import { rebuildComments } from "../services/comments/comment-rebuild";
import { createSurveyRegistry } from "../services/surveys/survey-registry";
import { systemClock } from "../lib/clock";

const config = loadConfig(process.env);
// DATABASE_ENCRYPTION_KEY opens an encrypted embedded file; a missing or wrong key stops here, saying so.
const client = await openCheckedClient(config).catch((error: unknown) => {
  if (!(error instanceof EncryptionSetupError)) throw error;
  console.error(`rollups:rebuild: ${error.message}`);
  process.exit(2);
});
const db = createDatabase(client);
await migrateDatabase(db, { embedded: config.DATABASE_URL.startsWith("file:") });
const started = performance.now();
const registry = createSurveyRegistry(db, systemClock);
const { responses } = await rebuildRollups(db, registry, {
  onProgress: (done) => {
    if (done % 50_000 === 0) console.log(`  ${done} responses`);
  },
});
console.log(`Rebuilt rollups from ${responses} responses in ${((performance.now() - started) / 1000).toFixed(1)} s`);
await rebuildComments(db, registry);
console.log("Rebuilt the open-text comments (response_comments)");
client.close();
