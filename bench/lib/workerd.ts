/**
 * The Worker under workerd without `wrangler dev` around it, for the Worker benches: Miniflare
 * (the library wrangler itself runs workerd with) loads the deployable bundle (`wrangler deploy
 * --dry-run --minify`), its vars and the ingest shards' Durable Object binding, and requests go
 * straight to workerd's socket. `wrangler dev` adds a Node proxy in front of every request (its
 * ProxyWorker and dev server: 3.5–5 ms of CPU per response on this machine, more than the Worker's
 * own), which nothing in production has; the edge tests still run the Worker under `wrangler dev`.
 */
import { readdirSync, readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Miniflare } from "miniflare";
import { bundleWorker } from "../../test/helpers/edge";
import { freePort } from "../../test/helpers/processes";

export interface Workerd {
  url: string;
  /** workerd's process (Miniflare's child), for its CPU time. */
  pid: number;
  stop(): Promise<void>;
}

export interface WorkerdOptions {
  /** workerd's inspector on this loopback port (for bench/lib/workerd-profile.ts). */
  inspectorPort?: number;
  /** The deploy bundle unminified, so a profile names functions (default: minified, as deployed). */
  minify?: boolean;
}

export async function startWorkerd(vars: Record<string, string>, options: WorkerdOptions = {}): Promise<Workerd> {
  const dir = mkdtempSync(join(tmpdir(), "cw-workerd-"));
  const { script } = await bundleWorker(join(dir, "bundle"), { minify: options.minify });
  const toml = readFileSync("wrangler.toml", "utf8");
  const compatibilityDate = /^compatibility_date = "([^"]+)"/m.exec(toml)?.[1];
  if (!compatibilityDate) throw new Error("wrangler.toml has no compatibility_date");
  const before = workerdPids();
  const mf = new Miniflare({
    // The bundle as one module: its optional dynamic imports (never taken) need no resolving.
    modulesRoot: dirname(script),
    modules: [{ type: "ESModule", path: script, contents: readFileSync(script, "utf8") }],
    compatibilityDate,
    bindings: vars,
    durableObjects: { INGEST_SHARD: { className: "IngestShard", useSQLite: true } },
    host: "127.0.0.1",
    port: await freePort(),
    ...(options.inspectorPort ? { inspectorPort: options.inspectorPort } : {}),
  });
  const url = (await mf.ready).toString().replace(/\/$/, "");
  const pid = workerdPids().find((p) => !before.includes(p));
  if (pid === undefined) throw new Error("workerd started but its process was not found");
  return {
    url,
    pid,
    async stop() {
      await mf.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** workerd processes that are children of this process. */
function workerdPids(): number[] {
  const out: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (name === "workerd" && ppid === process.pid) out.push(Number(entry));
    } catch {
      // ended meanwhile
    }
  }
  return out;
}
