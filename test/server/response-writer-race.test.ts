/**
 * Two app instances (two connections, as two processes would have) on one database file write
 * the same ids at the same moment: the database decides, so each id is stored and rolled up
 * once, and SQLITE_BUSY between the two writers is retried, not answered with a 5xx.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { afterEach, expect, it } from "vitest";
import { shippedSurveys } from "../../surveys/index";
import { createApp } from "../../server/app";
import { loadConfig } from "../../server/config";
import { createDatabase } from "../../server/db/client";
import { migrateDatabase } from "../../server/db/migrate";
import { bootstrapDatabase } from "../../server/services/setup/bootstrap";
import { isTransientDbError } from "../../server/db/transient-errors";
import { DEMO, qrBody } from "../helpers/fixtures";
import { httpHelpers } from "../helpers/http-helpers";

const dir = mkdtempSync(join(tmpdir(), "cw-race-"));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it("stores and counts each id once when two instances race on the same ids", async () => {
  const url = `file:${join(dir, "race.db")}`;
  const config = loadConfig({ DATABASE_URL: url, ADMIN_PASSWORD: "race-admin-1", QR_RATE_LIMIT: "0", QR_BLOCK_LIMIT: "0" });
  const clients = [createClient({ url }), createClient({ url })];
  const dbs = clients.map(createDatabase);
  await migrateDatabase(dbs[0]!, { embedded: true });
  await dbs[1]!.$client.execute("PRAGMA busy_timeout = 1");
  const boot = await bootstrapDatabase(dbs[0]!, config, shippedSurveys, new Date());
  const apps = dbs.map((db) => createApp({ db, config, secret: boot.secret, remoteAddress: () => "127.0.0.1" }));
  const request =
    (i: number) =>
    (path: string, init: RequestInit & { json?: unknown; cookie?: string } = {}) => {
      const headers = new Headers(init.headers);
      if (init.json !== undefined) headers.set("content-type", "application/json");
      if (init.cookie) headers.set("cookie", init.cookie);
      if (init.method === "POST") headers.set("origin", "http://localhost");
      return Promise.resolve(
        apps[i]!.request(path, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body }),
      );
    };
  const admin = httpHelpers(request(0), "race-admin-1");
  const { token } = await admin.createPoster(await admin.login(), DEMO.community, "resident");

  const bodies = Array.from({ length: 60 }, () => qrBody(token));
  const sends = bodies.flatMap((b, i) => [
    request(i % 2)("/api/v1/responses", { method: "POST", json: b }),
    request((i + 1) % 2)("/api/v1/responses", { method: "POST", json: b }),
  ]);
  const statuses = (await Promise.all(sends)).map((r) => r.status);
  expect(statuses.filter((s) => s === 201)).toHaveLength(60);
  expect(statuses.filter((s) => s === 200)).toHaveLength(60);

  const n = await clients[0]!.execute("select count(*) n from responses");
  expect(Number(n.rows[0]!.n)).toBe(60);
  for (const c of clients) c.close();
});

it("treats busy, lock timeouts and 429 from a libSQL server as retryable, and nothing else", () => {
  expect(isTransientDbError(Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" }))).toBe(true);
  expect(
    isTransientDbError(
      new Error("x", { cause: Object.assign(new Error("TRANSACTION_TIMEOUT: Transaction timed out"), { code: "TRANSACTION_TIMEOUT" }) }),
    ),
  ).toBe(true);
  expect(isTransientDbError(Object.assign(new Error("SERVER_ERROR: Server returned HTTP status 429"), { code: "SERVER_ERROR" }))).toBe(
    true,
  );
  expect(isTransientDbError(Object.assign(new Error("UNIQUE constraint failed: responses.id"), { code: "SQLITE_CONSTRAINT" }))).toBe(false);
  expect(isTransientDbError(Object.assign(new Error("SERVER_ERROR: Server returned HTTP status 500"), { code: "SERVER_ERROR" }))).toBe(
    false,
  );
});
