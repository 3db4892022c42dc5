/**
 * Where the contract tests send their requests. By default the real app in-process on in-memory
 * libSQL (createTestApp); in the `edge-contract` vitest project (CONTRACT_TARGET=worker) the real
 * Worker under workerd over HTTP, on a real sqld that each test resets and bootstraps again.
 * Assertions on stored rows read the target's own database either way (`t.client`, `t.db`).
 */
import { createClient, type Client } from "@libsql/client";
import { it, type TestFunction } from "vitest";
import { shippedSurveys } from "../../surveys/index";
import { loadConfig, type Config } from "../../server/config";
import { createDatabase, type Database } from "../../server/db/client";
import type { Clock } from "../../server/lib/clock";
import { bootstrapDatabase, type BootstrapResult } from "../../server/services/setup/bootstrap";
import { httpHelpers, type RequestInitPlus } from "./http-helpers";
import { createTestApp } from "./test-app";

export const remoteTarget = process.env.CONTRACT_TARGET === "worker";

export type { RequestInitPlus } from "./http-helpers";

export interface Target {
  kind: "in-process" | "worker";
  /** The origin links are built on (poster URLs). */
  origin: string;
  request(path: string, init?: RequestInitPlus): Promise<Response>;
  login(username?: string, password?: string): Promise<string>;
  createUser(
    adminCookie: string,
    user: { username: string; password: string; role: "admin" | "office" | "interviewer"; scope: string },
  ): Promise<string>;
  createPoster(cookie: string, unitCode: string, surveyId: string): Promise<{ id: string; token: string; url: string }>;
  client: Client;
  db: Database;
  config: Config;
  boot: BootstrapResult;
  close(): void;
}

/** Settings of the Worker under test; the test side bootstraps with the same ones. */
export interface WorkerTargetInfo {
  url: string;
  sqldUrl: string;
  vars: Record<string, string>;
}

let worker: WorkerTargetInfo | undefined;

/** Called by the edge-contract setup once its sqld and Worker run. */
export function useWorkerTarget(info: WorkerTargetInfo | undefined): void {
  worker = info;
}

/**
 * A case that needs the server started with other settings or a fake clock: it runs against the
 * in-process app only (a running Worker's vars and clock cannot change per test), and is not
 * registered at all for the Worker target.
 */
export function itInProcess(name: string, fn: TestFunction, timeout?: number): void {
  if (!remoteTarget) it(name, fn, timeout);
}

/**
 * A fresh target: an empty database with migrations, the shipped surveys and the demo city.
 * `productionPasswordCost`: as createTestApp's; the Worker always hashes at production cost.
 */
export async function createTarget(
  options: { env?: Record<string, string>; clock?: Clock; productionPasswordCost?: boolean } = {},
): Promise<Target> {
  if (!remoteTarget) {
    const t = await createTestApp(options);
    return { ...t, kind: "in-process", origin: "http://localhost" };
  }
  if (options.env || options.clock) throw new Error("the Worker target cannot change env or clock: use itInProcess");
  if (!worker) throw new Error("no Worker target: the edge-contract setup did not start one");
  return createWorkerTarget(worker);
}

async function createWorkerTarget(info: WorkerTargetInfo): Promise<Target> {
  const client = createClient({ url: info.sqldUrl });
  const db = createDatabase(client);
  await resetDatabase(client);
  const config = loadConfig(info.vars);
  const boot = await bootstrapDatabase(db, config, shippedSurveys, new Date());
  // Each target plays its own client address, as each in-process app has its own rate counters.
  const ownAddress = `10.${rand()}.${rand()}.${rand()}`;

  async function request(path: string, init: RequestInitPlus = {}): Promise<Response> {
    const { json, cookie, ip, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (json !== undefined) headers.set("content-type", "application/json");
    if (cookie) headers.set("cookie", cookie);
    headers.set("cf-connecting-ip", ip ?? ownAddress);
    // One connection per request: undici reuses idle keep-alive sockets that workerd's dev server
    // has already closed, and a POST on such a socket fails ("other side closed") client-side.
    headers.set("connection", "close");
    // Like a browser, and like createTestApp: a write says which page it comes from.
    const method = (rest.method ?? "GET").toUpperCase();
    if (!["GET", "HEAD", "OPTIONS"].includes(method) && !headers.has("origin")) headers.set("origin", info.url);
    const body = json !== undefined ? JSON.stringify(json) : rest.body;
    return fetch(`${info.url}${path}`, { ...rest, headers, body, redirect: "manual" });
  }
  return {
    kind: "worker",
    origin: info.url,
    request,
    client,
    db,
    config,
    boot,
    close: () => client.close(),
    ...httpHelpers(request, info.vars.ADMIN_PASSWORD!),
  };
}

/**
 * Empties every table but the migration log, so the next bootstrap starts from scratch. The
 * audit log's append-only triggers (migration 0009) refuse the DELETE, so they are dropped for
 * the reset and created again from their own stored SQL: the next test meets them as deployed.
 */
export async function resetDatabase(client: Client): Promise<void> {
  const rs = await client.execute(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '\\_%' escape '\\' and name not like 'libsql_%'",
  );
  const tables = rs.rows.map((r) => String(r.name));
  const triggers = (await client.execute("select name, sql from sqlite_master where type = 'trigger'")).rows.map((r) => ({
    name: String(r.name),
    sql: String(r.sql),
  }));
  await client.executeMultiple(
    [
      "PRAGMA foreign_keys = OFF",
      ...triggers.map((t) => `DROP TRIGGER "${t.name}"`),
      ...tables.map((t) => `DELETE FROM "${t}"`),
      ...triggers.map((t) => t.sql),
      "PRAGMA foreign_keys = ON",
    ].join(";\n"),
  );
}

function rand(): number {
  return Math.floor(Math.random() * 250) + 1;
}
