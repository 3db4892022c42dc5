/**
 * The real Node entry (server/node.ts) as a separate process on a file database, so a test can
 * SIGKILL it, restart it on the same file and port, and measure it without sharing its event loop.
 */
import { createClient } from "@libsql/client";
import { createDatabase, type Database } from "../../../server/db/client";
import { startGroup, waitUntil, type Started } from "../../helpers/processes";

export const RELIABILITY_ADMIN_PASSWORD = "reliability-admin-1";

export interface ServerProcess {
  url: string;
  port: number;
  pid: number;
  proc: Started;
  /** SIGKILL to the whole process group: no shutdown hook, no drain, mid-transaction. */
  kill(): Promise<void>;
  /** SIGTERM (the server drains its writer), SIGKILL after a grace period. */
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  dbPath: string;
  port: number;
  logDir: string;
  name: string;
  env?: Record<string, string>;
  /** The entry to run: server/node.ts through tsx (default), or a built .mjs as `npm start` runs it. */
  entry?: string;
}

/** Starts `node --import tsx server/node.ts` (or a built entry) in its own process group and waits until it serves. */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    PORT: String(options.port),
    HOST: "127.0.0.1",
    DATABASE_URL: `file:${options.dbPath}`,
    ADMIN_PASSWORD: RELIABILITY_ADMIN_PASSWORD,
    // Robots answer fast and alike; the QR quality flags are tested elsewhere.
    QR_MIN_SECONDS_PER_ANSWER: "0",
    QR_STRAIGHTLINE_MIN: "0",
    QR_RATE_LIMIT: "0",
    QR_BLOCK_LIMIT: "0",
    ...options.env,
  };
  const entry = options.entry ?? "server/node.ts";
  const proc = startGroup(process.execPath, entry.endsWith(".mjs") ? [entry] : ["--import", "tsx", entry], {
    cwd: process.cwd(),
    env,
    logDir: options.logDir,
    name: options.name,
  });
  const url = `http://127.0.0.1:${options.port}`;
  await waitUntil(`${options.name} serving`, async () => (await fetch(`${url}/api/v1/surveys`)).ok, {
    timeoutMs: 60_000,
    process: proc,
  });
  const exited = new Promise<void>((resolve) => {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) resolve();
    else proc.child.once("exit", () => resolve());
  });
  return {
    url,
    port: options.port,
    pid: proc.pid,
    proc,
    async kill() {
      try {
        process.kill(-proc.pid, "SIGKILL");
      } catch {
        // already gone
      }
      await exited;
    },
    stop: () => proc.stop(10_000),
  };
}

/** A direct connection to a database file (after the server is stopped, or beside it in WAL mode). */
export function openFile(path: string): Database {
  return createDatabase(createClient({ url: `file:${path}` }));
}

/** Every row of the rollups, in key order, as plain JSON (the comparison the rebuild must equal). */
export async function rollupRows(db: Database): Promise<unknown[]> {
  const rs = await db.$client.execute("select * from rollups order by key");
  return rs.rows.map((r) => ({ ...r }));
}

/** Row counts of every table of the app (not SQLite's or drizzle's own). */
export async function countEveryTable(db: Database): Promise<Record<string, number>> {
  const rs = await db.$client.execute(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '\\_%' escape '\\' and name not like 'libsql_%' order by name",
  );
  const out: Record<string, number> = {};
  for (const row of rs.rows) {
    const name = String(row.name);
    const c = await db.$client.execute(`select count(*) as n from "${name}"`);
    out[name] = Number(c.rows[0]!.n);
  }
  return out;
}

/** Admin session over plain HTTP, with an Origin like a browser (the CSRF check wants one). */
export async function adminCookie(url: string, password = RELIABILITY_ADMIN_PASSWORD): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ username: "admin", password }),
  });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`);
  return (res.headers.get("set-cookie") ?? "").split(";")[0]!;
}

/** Poster tokens for (unit, survey) pairs, and each survey's current version. */
export async function setUpPosters(url: string, cookie: string, pairs: [unitCode: string, surveyId: string][]) {
  const posters: { unitCode: string; surveyId: string; token: string }[] = [];
  for (const [unitCode, surveyId] of pairs) {
    const res = await fetch(`${url}/api/v1/posters`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: url, cookie },
      body: JSON.stringify({ unitCode, surveyId }),
    });
    if (res.status !== 201) throw new Error(`poster: ${res.status} ${await res.text()}`);
    posters.push({ unitCode, surveyId, token: ((await res.json()) as { token: string }).token });
  }
  const list = (await (await fetch(`${url}/api/v1/surveys`)).json()) as { id: string; version: number }[];
  const versions = Object.fromEntries(list.map((s) => [s.id, s.version]));
  return { posters, versions };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
