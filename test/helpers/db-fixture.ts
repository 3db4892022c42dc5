/**
 * A database file made or read in its own process, for tests of scripts that must find the file
 * unopened: in one process a closed libSQL client can keep its native connection (and its file
 * locks) until garbage collection, and closing any descriptor of a file drops every POSIX lock
 * the process holds on it. `make` migrates DATABASE_URL (key: DATABASE_ENCRYPTION_KEY) and stores
 * the setting `marker` = MARKER; `inspect` prints {"marker", "counts"} as JSON.
 */
import { createDatabase } from "../../server/db/client";
import { openCheckedClient } from "../../server/db/encryption";
import { migrateDatabase } from "../../server/db/migrate";

const settings = { DATABASE_URL: process.env.DATABASE_URL!, DATABASE_ENCRYPTION_KEY: process.env.DATABASE_ENCRYPTION_KEY || undefined };
const client = await openCheckedClient(settings);
if (process.argv[2] === "make") {
  await migrateDatabase(createDatabase(client), { embedded: true });
  await client.execute({ sql: "insert into settings (key, value) values ('marker', ?)", args: [JSON.stringify(process.env.MARKER)] });
} else {
  const marker = await client.execute("select value from settings where key = 'marker'");
  const tables = await client.execute("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name");
  const counts: Record<string, number> = {};
  for (const row of tables.rows) {
    const name = String(row.name);
    counts[name] = Number((await client.execute(`select count(*) from "${name}"`)).rows[0]![0]);
  }
  console.log(JSON.stringify({ marker: JSON.parse(String(marker.rows[0]!.value)), counts }));
}
client.close();
