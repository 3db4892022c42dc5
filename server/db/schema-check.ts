import journal from "./migrations/meta/_journal.json";
import type { Database } from "./client";

/** The newest migration this build was written against (drizzle-kit's journal, bundled). */
export const LATEST_MIGRATION = journal.entries.at(-1)!;

/**
 * Refuses to serve on a database that drizzle-kit has not brought up to this build's schema.
 * Used where the app does not migrate by itself (the Worker): migrations are applied with
 * `npm run db:migrate`, and a missing or old schema should say so instead of failing per query.
 */
export async function assertSchemaCurrent(db: Database): Promise<void> {
  const hint = "apply the migrations first: DATABASE_URL=... DATABASE_AUTH_TOKEN=... npm run db:migrate";
  let applied: number | null;
  try {
    const rs = await db.$client.execute("select max(created_at) as latest from __drizzle_migrations");
    applied = rs.rows[0]?.latest == null ? null : Number(rs.rows[0].latest);
  } catch (error) {
    if (/no such table/i.test(String(error))) throw new Error(`The database has no schema; ${hint}`);
    throw error;
  }
  if (applied === null || applied < LATEST_MIGRATION.when) {
    throw new Error(`The database schema is older than migration ${LATEST_MIGRATION.tag}; ${hint}`);
  }
}
