import type { Client } from "@libsql/client";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import * as schema from "./schema";

export type Database = LibSQLDatabase<typeof schema> & { $client: Client };

/** Wraps a libSQL client (embedded file, :memory:, or remote) in drizzle with our schema. */
export function createDatabase(client: Client): Database {
  return drizzle(client, { schema }) as Database;
}
