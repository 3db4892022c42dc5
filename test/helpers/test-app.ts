import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { shippedSurveys } from "../../surveys/index";
import { createApp } from "../../server/app";
import type { RespondentPageOptions } from "../../server/pages/respondent-page";
import { loadConfig } from "../../server/config";
import { createDatabase, type Database } from "../../server/db/client";
import { migrateDatabase } from "../../server/db/migrate";
import type { Clock } from "../../server/lib/clock";
import { nodeQrPng } from "../../server/lib/qr-png-node";
import { bootstrapDatabase } from "../../server/services/setup/bootstrap";
import type { ResponseWriter } from "../../server/services/ingest/response-writer";
import { httpHelpers, type RequestInitPlus } from "./http-helpers";

export const ADMIN_PASSWORD = "admin-password-1";

/**
 * PBKDF2 iterations of the password hashes a test app makes (the admin's at bootstrap, created
 * users, changed and reset passwords). Production's 100,000 cost ~40 ms of CPU a hash and again
 * a login: over 800 of them made about a sixth of the unit run. Tests about hashing and login
 * throttling ask for `productionPasswordCost` (test/server/auth.test.ts, login-throttle.test.ts).
 */
export const TEST_PASSWORD_ITERATIONS = 1_000;

/** A settable clock for tests that move time (sessions, rate windows). */
export function manualClock(start = new Date("2026-11-20T02:00:00Z")): Clock & { advance(ms: number): void; set(d: Date): void } {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
    set: (d) => {
      now = d.getTime();
    },
  };
}

/**
 * The real app on a fresh in-memory libSQL database with the real migrations, the shipped surveys
 * and the demo city. Addresses come from X-Forwarded-For (TRUST_PROXY=1) so tests can play many clients.
 * `onDisk` uses a temporary database file instead (or `databaseUrl`, a `file:` URL of the caller's),
 * with a connection per concurrent request as in production: an in-memory database has one
 * connection, which an open transaction holds, so concurrent transactions can only be raced
 * honestly on a file. Passwords hash with TEST_PASSWORD_ITERATIONS, or with the app's own
 * default (production's) when `productionPasswordCost` is set.
 */
export async function createTestApp(
  options: {
    env?: Record<string, string>;
    clock?: Clock;
    onDisk?: boolean;
    databaseUrl?: string;
    withoutQrPng?: boolean;
    productionPasswordCost?: boolean;
    /** The poster page (server/pages/respondent-page.ts) as the runtimes mount it. */
    respondentPage?: RespondentPageOptions;
    /** A writer in place of the app's own (the Worker's shard writer on a stand-in namespace). */
    responseWriter?: (db: Database) => ResponseWriter;
  } = {},
) {
  const dir = options.onDisk && !options.databaseUrl ? mkdtempSync(join(tmpdir(), "cw-test-")) : null;
  const url = options.databaseUrl ?? (dir ? `file:${join(dir, "test.db")}` : ":memory:");
  const client = createClient({ url, timeout: 5000 });
  const db = createDatabase(client);
  await migrateDatabase(db, { embedded: url !== ":memory:" });
  const config = loadConfig({ ADMIN_PASSWORD, TRUST_PROXY: "1", ...options.env });
  const now = options.clock?.now() ?? new Date();
  const passwordIterations = options.productionPasswordCost ? undefined : TEST_PASSWORD_ITERATIONS;
  const boot = await bootstrapDatabase(db, config, shippedSurveys, now, { passwordIterations });
  // As server/node.ts does: these tests run on Node, which can make PNG QR codes (`withoutQrPng`: as the Worker).
  const app = createApp(
    {
      db,
      config,
      secret: boot.secret,
      clock: options.clock,
      remoteAddress: () => "127.0.0.1",
      qrPng: options.withoutQrPng ? undefined : nodeQrPng,
      passwordIterations,
      ...(options.responseWriter ? { responseWriter: options.responseWriter(db) } : {}),
    },
    options.respondentPage ? { respondentPage: options.respondentPage } : {},
  );

  async function request(path: string, init: RequestInitPlus = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (init.json !== undefined) headers.set("content-type", "application/json");
    if (init.cookie) headers.set("cookie", init.cookie);
    if (init.ip) headers.set("x-forwarded-for", init.ip);
    // Like a browser: every cookie-carrying write says where it comes from (the CSRF check needs it).
    const method = (init.method ?? "GET").toUpperCase();
    if (!["GET", "HEAD", "OPTIONS"].includes(method) && !headers.has("origin")) headers.set("origin", "http://localhost");
    const body = init.json !== undefined ? JSON.stringify(init.json) : init.body;
    return app.request(path, { ...init, headers, body });
  }

  const { login, createUser, createPoster } = httpHelpers(request, ADMIN_PASSWORD);

  return {
    app,
    db,
    client,
    config,
    boot,
    request,
    login,
    createUser,
    createPoster,
    close: () => {
      client.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
