/** Starts a bench server (ours or the bare baseline) as its own process and stops it by pid. */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";

export interface ServerProcess {
  url: string;
  pid: number;
  /** Sends a signal to the server process (the memory bench asks it for a GC this way). */
  signal(name: NodeJS.Signals): void;
  rssMb(): number;
  stop(): Promise<void>;
}

export async function startServerProcess(
  script: string,
  port: number,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<ServerProcess> {
  // A built entry (.mjs, `npm run build`) runs as `npm start` runs it, without tsx.
  const loader = script.endsWith(".mjs") ? [] : ["--import", "tsx"];
  const child: ChildProcess = spawn(process.execPath, [...loader, ...nodeArgs, script], {
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited: ${output}`);
    try {
      const res = await fetch(`${url}/healthz`).catch(() => fetch(`${url}/api/v1/surveys`));
      if (res.status < 500) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() - started > 60_000) {
      // A server that never answered must not outlive the bench (it would hold the port).
      child.kill("SIGKILL");
      throw new Error(`${script} did not start: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid!,
    signal: (name) => child.kill(name),
    rssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return kb / 1024;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
