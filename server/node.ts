/**
 * The Node entry: embedded libSQL file by default (or a libSQL server via DATABASE_URL), the API
 * and the built web app on one port. `npm start` runs this file.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { STATUS_CODES, type ServerOptions } from "node:http";
import type { Duplex } from "node:stream";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve, type ServerType } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import { serveStatic } from "@hono/node-server/serve-static";
import type { MiddlewareHandler } from "hono";
import { shippedSurveys } from "../surveys/index";
import { createApp, type App } from "./app";
import type { RespondentPageOptions } from "./pages/respondent-page";
import { loadConfig, type Config } from "./config";
import { questionnairePreloadLink, respondentPreloadLinks } from "./lib/preload-hints";
import { createDatabase, type Database } from "./db/client";
import { openCheckedClient } from "./db/encryption";
import { nodeQrPng } from "./lib/qr-png-node";
import { MIGRATIONS_PATH, migrateDatabase } from "./db/migrate";
import { repoRoot } from "./lib/repo-root";
import { bootstrapDatabase, demoPosterLinks, type BootstrapResult } from "./services/setup/bootstrap";
import { createWebhookJob, type WebhookJob } from "./services/webhooks/webhook-job";
import { createPeriodicJob, type PeriodicJob } from "./lib/periodic-job";
import { runRetentionPass } from "./services/privacy/retention-job";

export interface NodeServerOptions {
  port?: number;
  host?: string;
  databaseUrl?: string;
  adminPassword?: string;
  /** Folder of the built web app (vite build); default dist/web beside the repo root. */
  webRoot?: string;
  /** Extra environment, over process.env (tests set QR_RATE_LIMIT and such here). */
  env?: Record<string, string | undefined>;
  quiet?: boolean;
}

export interface NodeServer {
  url: string;
  app: App;
  db: Database;
  boot: BootstrapResult;
  close(): Promise<void>;
}

const REPO_ROOT = repoRoot(import.meta.url);

export async function startNodeServer(options: NodeServerOptions = {}): Promise<NodeServer> {
  const config = loadConfig({
    ...process.env,
    ...options.env,
    ...(options.port !== undefined ? { PORT: String(options.port) } : {}),
    ...(options.host ? { HOST: options.host } : {}),
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...(options.adminPassword ? { ADMIN_PASSWORD: options.adminPassword } : {}),
  });
  const embedded = config.DATABASE_URL.startsWith("file:") || config.DATABASE_URL === ":memory:";
  if (config.DATABASE_URL.startsWith("file:")) {
    mkdirSync(dirname(resolve(config.DATABASE_URL.slice("file:".length))), { recursive: true });
  }
  // The port first: a start that cannot listen (the port is taken) must not migrate the database
  // or publish a new survey version on the way to failing. Until the app is built, requests get 503.
  let ready: App | null = null;
  const server = await listen((request, env) => (ready ? ready.fetch(request, env) : starting()), config);
  // timeout: SQLite's busy timeout (ms) on every pooled connection, for several processes on one file.
  // The encryption key (DATABASE_ENCRYPTION_KEY) is checked against the file here: a missing or
  // wrong key stops the start with a message saying so, before any migration.
  let client: Awaited<ReturnType<typeof openCheckedClient>>;
  try {
    client = await openCheckedClient(config, { timeout: 5000 });
  } catch (error) {
    await new Promise<void>((done) => server.close(() => done()));
    throw error;
  }
  let app: App;
  let db: ReturnType<typeof createDatabase>;
  let boot: BootstrapResult;
  try {
    db = createDatabase(client);
    await migrateDatabase(db, { embedded, folder: resolve(REPO_ROOT, MIGRATIONS_PATH) });
    boot = await bootstrapDatabase(db, config, shippedSurveys, new Date());
    const webRoot = options.webRoot ?? resolve(REPO_ROOT, "dist/web");
    app = createApp(
      { db, config, secret: boot.secret, remoteAddress: (c) => getConnInfo(c).remote.address, qrPng: nodeQrPng },
      { assets: webAssets(webRoot), respondentPage: nodeRespondentPage(webRoot) },
    );
  } catch (error) {
    await new Promise<void>((done) => server.close(() => done()));
    client.close();
    throw error;
  }
  ready = app;
  // Alerts out: detection and sending on a timer beside the request path (never inside it).
  let webhooks: WebhookJob | undefined;
  if (config.WEBHOOK_INTERVAL_SECONDS > 0) {
    webhooks = createWebhookJob(
      db,
      { clock: app.services.clock, fetch: app.services.fetch, config },
      config.WEBHOOK_INTERVAL_SECONDS * 1000,
    );
    webhooks.start();
  }
  // Retention: due GPS fixes and household labels replaced on a timer, outside any request.
  let retention: PeriodicJob<unknown> | undefined;
  if (config.RETENTION_INTERVAL_SECONDS > 0) {
    const deps = { clock: app.services.clock, secret: boot.secret, batchSize: config.RETENTION_BATCH_SIZE };
    retention = createPeriodicJob(
      "retention pass",
      (signal) => runRetentionPass(db, { ...deps, signal }),
      config.RETENTION_INTERVAL_SECONDS * 1000,
    );
    retention.start();
  }
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  const url = `http://${config.HOST.includes(":") ? `[${config.HOST}]` : config.HOST}:${port}`;
  if (!options.quiet) await printBanner(db, boot, url, config.PUBLIC_URL ?? url, atRest(config));

  return {
    url,
    app,
    db,
    boot,
    async close() {
      await new Promise<void>((done) => server.close(() => done()));
      await webhooks?.stop();
      await retention?.stop();
      await app.services.writer.drain();
      client.close();
    },
  };
}

/** What a request gets in the moment between the port opening and the app being built. */
function starting(): Response {
  return new Response(JSON.stringify({ error: { code: "starting", message: "服务正在启动，请稍后再试" } }), {
    status: 503,
    headers: { "content-type": "application/json; charset=utf-8", "retry-after": "1" },
  });
}

function listen(fetch: App["fetch"], config: Config): Promise<ServerType> {
  const { PORT: port, HOST: hostname } = config;
  return new Promise((resolveListen, reject) => {
    const server = serve({ fetch, port, hostname, serverOptions: httpServerOptions(config) }, () => resolveListen(server));
    server.once("error", (err: NodeJS.ErrnoException) =>
      reject(err.code === "EADDRINUSE" ? new Error(`Port ${port} on ${hostname} is in use; set PORT to another.`) : err),
    );
    server.on("clientError", answerClientError);
  });
}

/**
 * Node's defaults let a client take 60 s for its headers and 300 s for its whole request, so a
 * few hundred slow senders could hold every socket. Ours: HTTP_HEADERS_TIMEOUT_SECONDS for the
 * headers, HTTP_REQUEST_TIMEOUT_SECONDS for headers and body, HTTP_KEEP_ALIVE_TIMEOUT_SECONDS idle
 * between requests; Node checks them every second (its default is every 30 s).
 */
function httpServerOptions(config: Config): ServerOptions {
  const requestTimeout = Math.round(config.HTTP_REQUEST_TIMEOUT_SECONDS * 1000);
  return {
    requestTimeout,
    // Node refuses a headers timeout longer than the request timeout.
    headersTimeout: Math.min(Math.round(config.HTTP_HEADERS_TIMEOUT_SECONDS * 1000), requestTimeout),
    keepAliveTimeout: Math.round(config.HTTP_KEEP_ALIVE_TIMEOUT_SECONDS * 1000),
    connectionsCheckingInterval: 1000,
  };
}

/**
 * What Node's HTTP parser refuses before the app sees a request (a bad Content-Length, broken
 * chunking, oversized headers, a timeout) gets our error shape instead of Node's bare
 * `400 Bad Request`: `{"error":{"code","message"}}`, then the connection is closed.
 */
function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  // A reply already under way on this socket cannot be replaced; a reset peer cannot read one.
  const started = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  if (err.code === "ECONNRESET" || !socket.writable || started) {
    socket.destroy();
    return;
  }
  const [status, code, message] =
    err.code === "ERR_HTTP_REQUEST_TIMEOUT"
      ? [408, "request_timeout", "请求发送超时，连接已关闭"]
      : err.code === "HPE_HEADER_OVERFLOW"
        ? [431, "headers_too_large", "请求头过大"]
        : [400, "bad_request", "请求格式不正确（HTTP 协议错误）"];
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    [
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
      "Content-Type: application/json; charset=utf-8",
      `Content-Length: ${Buffer.byteLength(body)}`,
      "Cache-Control: no-store",
      "X-Content-Type-Options: nosniff",
      "Connection: close",
      "",
      body,
    ].join("\r\n"),
  );
}

/** A path with a segment that starts with a dot, plain or percent-encoded. */
const HIDDEN_PATH = /(^|\/)(\.|%2e)/i;

/** Built assets with long-lived caching for hashed files, and index.html for the app's routes. */
function webAssets(root: string): MiddlewareHandler {
  const files = serveStatic({
    root,
    precompressed: true,
    onFound: (path, c) => {
      c.header("Cache-Control", path.includes("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
    },
  });
  const preload = readPreloadLinks(root);
  const index = serveStatic({
    root,
    path: "index.html",
    onFound: (_p, c) => {
      c.header("Cache-Control", "no-cache");
      const token = /^\/q\/([^/]+)$/.exec(c.req.path)?.[1];
      if (token !== undefined) {
        const links = [...preload, questionnairePreloadLink(token)].filter(Boolean);
        if (links.length > 0) c.header("Link", links.join(", "));
      }
    },
  });
  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    // Nothing under a dot folder or file is the app's: .vite/manifest.json (the build's file map),
    // .assetsignore. Those get the JSON 404, not the file and not index.html.
    if (HIDDEN_PATH.test(c.req.path)) return next();
    return files(c, async () => {
      if (c.req.path.startsWith("/assets/")) return next();
      // serveStatic used as a plain function returns its Response instead of setting c.res;
      // without this every client-side route (/login, /dashboard, /q/...) failed "not finalized".
      const res = await index(c, next);
      if (res) c.res = res;
    });
  };
}

/**
 * index.html for the poster page (server/pages/respondent-page.ts), read per request (it is 1 KB,
 * and a rebuild must not need a restart), with the preload hints: the SurveyJS chunk always, the
 * questionnaire only when it is not already inline.
 */
function nodeRespondentPage(root: string): RespondentPageOptions {
  const preload = readPreloadLinks(root);
  return {
    template: () => readFile(resolve(root, "index.html"), "utf8").catch(() => null),
    // Only ever a hashed /assets/ path named by index.html (respondent-html.ts checks its form).
    asset: (_c, path) => readFile(resolve(root, `.${path}`), "utf8").catch(() => null),
    headers: (token, inline): Record<string, string> => {
      const links = [...preload, inline ? null : questionnairePreloadLink(token)].filter(Boolean);
      return links.length > 0 ? { Link: links.join(", ") } : {};
    },
  };
}

/** Preload hints for /q/:token, from the build manifest (none if the build has no manifest). */
function readPreloadLinks(root: string): string[] {
  try {
    return respondentPreloadLinks(JSON.parse(readFileSync(resolve(root, ".vite/manifest.json"), "utf8")));
  } catch {
    return [];
  }
}

/** One banner line on the database's encryption at rest, so an operator sees it at every start. */
function atRest(config: Config): string {
  if (!config.DATABASE_URL.startsWith("file:")) return "remote (encrypted at rest by the server, if configured there)";
  return config.DATABASE_ENCRYPTION_KEY !== undefined
    ? "encrypted (DATABASE_ENCRYPTION_KEY)"
    : "NOT encrypted at rest (set DATABASE_ENCRYPTION_KEY)";
}

async function printBanner(db: Database, boot: BootstrapResult, url: string, publicUrl: string, atRestLine: string): Promise<void> {
  const lines = ["", "  创文问卷 is running", `  Open:        ${url}/login`, `  Database:    ${atRestLine}`];
  if (boot.admin) {
    lines.push(`  Admin login: ${boot.admin.username} / ${boot.admin.password}`);
    if (boot.admin.generated) lines.push("               (generated now and shown once; set ADMIN_PASSWORD to choose it)");
  } else {
    lines.push("  Admin login: admin (password as set on first start, or ADMIN_PASSWORD then)");
  }
  const links = await demoPosterLinks(db, boot.secret, publicUrl);
  if (links.length > 0) {
    lines.push("  Sample poster links (open on a phone or a narrow window):");
    for (const l of links) lines.push(`    ${l.surveyId.padEnd(10)} ${l.unitName}: ${l.url}`);
  }
  for (const p of boot.published) lines.push(`  Published survey ${p.surveyId} version ${p.version}`);
  console.log(`${lines.join("\n")}\n`);
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  startNodeServer().then(
    (server) => {
      const stop = () => {
        server.close().then(() => process.exit(0));
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
