/**
 * A CPU profile of the Worker's isolate under workerd, through its inspector (Chrome DevTools
 * protocol over a WebSocket): bench/worker-ingest.ts with BENCH_PROFILE=file.cpuprofile starts
 * workerd with `inspectorPort` and an unminified bundle, and profiles its first measured round.
 * The file opens in Chrome DevTools; the summary printed (bench/lib/cpu-profile.ts) is the self
 * and inclusive shares of the busiest functions, the figures docs/benchmarks.md quotes.
 */
import { writeFileSync } from "node:fs";
import WebSocket from "ws";
import { summarise, type CpuProfile } from "./cpu-profile";

export interface Profiler {
  stop(file: string): Promise<string>;
}

/** Starts profiling the isolate of the Worker script (workerd names its target "core:user:<service>"). */
export async function startProfiler(inspectorPort: number): Promise<Profiler> {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json()) as { id: string; webSocketDebuggerUrl?: string }[];
  const target = targets.find((t) => t.id.startsWith("core:user:") && t.webSocketDebuggerUrl);
  if (!target) throw new Error(`no user Worker among workerd's inspector targets: ${targets.map((t) => t.id).join(", ")}`);
  const socket = new WebSocket(target.webSocketDebuggerUrl!);
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  let nextId = 1;
  const pending = new Map<number, (result: unknown) => void>();
  socket.on("message", (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  });
  const call = <T>(method: string, params: Record<string, unknown> = {}) =>
    new Promise<T>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve as (result: unknown) => void);
      socket.send(JSON.stringify({ id, method, params }));
    });
  await call("Profiler.enable");
  await call("Profiler.setSamplingInterval", { interval: 200 });
  await call("Profiler.start");
  return {
    async stop(file) {
      const { profile } = await call<{ profile: CpuProfile }>("Profiler.stop");
      socket.close();
      writeFileSync(file, JSON.stringify(profile));
      return summarise(profile);
    },
  };
}
