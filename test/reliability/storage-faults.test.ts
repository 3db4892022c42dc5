/**
 * Full disk and read-only database (issue 8, item 2). The real app on a file database:
 * - disk full: the file lives on a small tmpfs that is then filled (a real ENOSPC, which SQLite
 *   reports as SQLITE_FULL). Where mounting is not allowed, the same app on one connection with
 *   `PRAGMA max_page_count` at the current size, which makes SQLite itself answer SQLITE_FULL;
 *   the test says which it used.
 * - read-only: one connection with `PRAGMA query_only = 1`, so every write gets SQLITE_READONLY
 *   (a read-only remount is refused by Linux while the server holds the file open for writing).
 * Writes answer 503 `storage_unavailable`, never 500; reads keep working; nothing acknowledged is
 * lost, nothing refused is half-stored, rollups equal a rebuild; writes resume when space returns.
 */
import { execFileSync } from "node:child_process";
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient, type Client } from "@libsql/client";
import { afterEach, describe, expect, it } from "vitest";
import { shippedSurveys } from "../../surveys/index";
import { createApp } from "../../server/app";
import { loadConfig } from "../../server/config";
import { createDatabase, type Database } from "../../server/db/client";
import { migrateDatabase } from "../../server/db/migrate";
import { rebuildRollups } from "../../server/services/rollups/rollup-rebuild";
import { bootstrapDatabase } from "../../server/services/setup/bootstrap";
import { createSurveyRegistry } from "../../server/services/surveys/survey-registry";
import { systemClock } from "../../server/lib/clock";
import { manualClock } from "../helpers/test-app";
import { DEMO, qrBody } from "../helpers/fixtures";
import { openFile, rollupRows } from "./lib/server-process";

const PASSWORD = "storage-admin-1";
const cleanups: (() => void)[] = [];
afterEach(() => {
  // Each step on its own: a failed close must not leave the tmpfs mounted or the dir behind.
  while (cleanups.length) {
    try {
      cleanups.pop()!();
    } catch (error) {
      console.warn("cleanup:", error instanceof Error ? error.message : error);
    }
  }
});

function tryMountTmpfs(dir: string, size: string): boolean {
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir], { stdio: "ignore" });
    cleanups.push(() => execFileSync("umount", ["-l", dir], { stdio: "ignore" }));
    return true;
  } catch {
    return false;
  }
}

async function appOnFile(path: string, client: Client) {
  const db = createDatabase(client);
  await migrateDatabase(db, { embedded: true });
  const clock = manualClock(new Date());
  const config = loadConfig({
    ADMIN_PASSWORD: PASSWORD,
    QR_RATE_LIMIT: "0",
    QR_BLOCK_LIMIT: "0",
    QR_MIN_SECONDS_PER_ANSWER: "0",
    QR_STRAIGHTLINE_MIN: "0",
  });
  const boot = await bootstrapDatabase(db, config, shippedSurveys, clock.now());
  const app = createApp({ db, config, secret: boot.secret, clock, remoteAddress: () => "127.0.0.1" });
  const request = (route: string, init: RequestInit & { json?: unknown; cookie?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (init.json !== undefined) headers.set("content-type", "application/json");
    if (init.cookie) headers.set("cookie", init.cookie);
    if (init.method && init.method !== "GET") headers.set("origin", "http://localhost");
    return app.request(route, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
  };
  const login = async () => {
    const res = await request("/api/v1/auth/login", { method: "POST", json: { username: "admin", password: PASSWORD } });
    return { status: res.status, cookie: (res.headers.get("set-cookie") ?? "").split(";")[0]!, body: await res.json() };
  };
  const first = await login();
  const poster = await request("/api/v1/posters", {
    method: "POST",
    json: { unitCode: DEMO.community, surveyId: "resident" },
    cookie: first.cookie,
  });
  const { token } = (await poster.json()) as { token: string };
  return { db, app, clock, request, login, cookie: first.cookie, token, path };
}
type Fixture = Awaited<ReturnType<typeof appOnFile>>;

async function storedIds(db: Database): Promise<Set<string>> {
  return new Set((await db.$client.execute("select id from responses")).rows.map((r) => String(r.id)));
}

/** Posts fresh responses until `enough` have been refused; returns what was acknowledged and refused. */
async function writeUntilRefused(f: Fixture, enough: number, max: number) {
  const acked: string[] = [];
  const refused: Record<string, unknown>[] = [];
  const statuses: Record<number, number> = {};
  for (let i = 0; i < max && (enough === 0 || refused.length < enough); i++) {
    // Ten at a time, so the writer groups them into one transaction that must fail whole.
    const bodies = Array.from({ length: 10 }, () => qrBody(f.token));
    const answers = await Promise.all(bodies.map((b) => f.request("/api/v1/responses", { method: "POST", json: b })));
    for (const [j, res] of answers.entries()) {
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      const body = (await res.json()) as { error?: { code: string; message: string } };
      if (res.status === 201) acked.push(bodies[j]!.id);
      else if (res.status === 503) {
        expect(body.error?.code).toBe("storage_unavailable");
        expect(body.error?.message).toContain("写入已暂停");
        refused.push(bodies[j]!);
      } else throw new Error(`unexpected ${res.status}: ${JSON.stringify(body)}`);
    }
  }
  return { acked, refused, statuses };
}

/** Reads that must keep working while writes are refused. */
async function expectReadsServed(f: Fixture) {
  expect((await f.request("/api/v1/surveys")).status).toBe(200);
  expect((await f.request("/api/v1/surveys/resident")).status).toBe(200);
  expect((await f.request(`/api/v1/q/${f.token}`)).status).toBe(200);
  expect((await f.request(`/api/v1/units/${DEMO.xinshancun}`, { cookie: f.cookie })).status).toBe(200);
  const rates = await f.request(`/api/v1/rates?unit=${DEMO.xinshancun}`, { cookie: f.cookie });
  expect(rates.status).toBe(200);
  // Past the touch interval the session would be refreshed: that write fails, the read does not.
  f.clock.advance(10 * 60_000);
  const me = await f.request("/api/v1/auth/me", { cookie: f.cookie });
  expect(me.status, await me.clone().text()).toBe(200);
}

async function runFault(f: Fixture, fault: { start(): Promise<void> | void; end(): Promise<void> | void }) {
  const before = await writeUntilRefused(f, 0, 3);
  expect(before.acked.length).toBe(30);

  await fault.start();
  const during = await writeUntilRefused(f, 20, 60);
  console.log(`  writes during the fault: ${JSON.stringify(during.statuses)}`);
  expect(during.refused.length).toBeGreaterThanOrEqual(20);
  await expectReadsServed(f);

  // A login must write its session: refused with 503, never a 500 (tried a few times, since a
  // write that fits into WAL space already on disk may still succeed on a full disk).
  const logins: number[] = [];
  for (let i = 0; i < 5 && !logins.includes(503); i++) {
    const l = await f.login();
    logins.push(l.status);
    if (l.status === 503) expect((l.body as { error: { code: string } }).error.code).toBe("storage_unavailable");
  }
  expect(logins).toContain(503);
  expect(logins.filter((s) => s !== 200 && s !== 503)).toEqual([]);

  // Nothing acknowledged lost, nothing refused stored.
  let ids = await storedIds(f.db);
  for (const id of [...before.acked, ...during.acked]) expect(ids.has(id)).toBe(true);
  for (const b of during.refused) expect(ids.has(b.id as string)).toBe(false);

  await fault.end();
  // The clients retry the refused ones with the same ids; new writes go through again.
  for (const b of during.refused) {
    const res = await f.request("/api/v1/responses", { method: "POST", json: b });
    expect(res.status).toBe(201);
  }
  const after = await writeUntilRefused(f, 0, 2);
  expect(after.acked.length).toBe(20);
  expect((await f.login()).status).toBe(200);

  ids = await storedIds(f.db);
  expect(ids.size).toBe(before.acked.length + during.acked.length + during.refused.length + after.acked.length);
  // A second connection pool on the file (the fault variants hold a single connection).
  const own = openFile(f.path);
  try {
    const incremental = await rollupRows(own);
    await rebuildRollups(own, createSurveyRegistry(own, systemClock));
    expect(await rollupRows(own)).toEqual(incremental);
    const check = await own.$client.execute("PRAGMA integrity_check");
    expect(check.rows[0]![0]).toBe("ok");
  } finally {
    own.$client.close();
  }
}

describe("storage faults", () => {
  it("disk full: 503 storage_unavailable on writes, reads served, nothing lost, recovers when space returns", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cw-full-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const disk = join(dir, "disk");
    mkdirSync(disk);
    const real = tryMountTmpfs(disk, "16m");
    const path = join(disk, "survey.db");
    // The engine-level fallback needs its pragma on the one connection every write uses.
    const client = createClient({ url: `file:${path}`, ...(real ? {} : { concurrency: 1 }) });
    cleanups.push(() => client.close());
    const f = await appOnFile(path, client);
    const filler = join(disk, "filler");
    console.log(
      `disk full simulated by ${real ? "a real 16 MiB tmpfs filled to ENOSPC" : "PRAGMA max_page_count (mount not permitted here)"}`,
    );
    await runFault(f, {
      start: async () => {
        if (real) {
          const fd = openSync(filler, "w");
          const chunk = Buffer.alloc(64 * 1024, 1);
          try {
            for (;;) writeSync(fd, chunk);
          } catch (e) {
            if ((e as NodeJS.ErrnoException).code !== "ENOSPC") throw e;
          } finally {
            closeSync(fd);
          }
          // Fill the last partial block too.
          const fd2 = openSync(filler, "a");
          try {
            for (;;) writeSync(fd2, Buffer.alloc(512, 1));
          } catch {
            // full
          } finally {
            closeSync(fd2);
          }
        } else {
          const rs = await client.execute("PRAGMA page_count");
          await client.execute(`PRAGMA max_page_count = ${Number(rs.rows[0]![0])}`);
        }
      },
      end: async () => {
        if (real) unlinkSync(filler);
        else await client.execute("PRAGMA max_page_count = 1073741823");
      },
    });
  });

  it("read-only database: 503 storage_unavailable on writes, reads served, nothing lost, recovers when writable again", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cw-ro-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, "survey.db");
    const client = createClient({ url: `file:${path}`, concurrency: 1 });
    cleanups.push(() => client.close());
    const f = await appOnFile(path, client);
    await runFault(f, {
      start: () => client.execute("PRAGMA query_only = 1").then(() => undefined),
      end: () => client.execute("PRAGMA query_only = 0").then(() => undefined),
    });
  });
});
