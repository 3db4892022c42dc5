/**
 * A CPU profile of the Worker's isolate under workerd, through its inspector (Chrome DevTools
 * protocol over a WebSocket): bench/worker-ingest.ts with BENCH_PROFILE=file.cpuprofile starts
 * workerd with `inspectorPort` and an unminified bundle, and profiles its first measured round.
 * The file opens in Chrome DevTools; the summary printed is the self and inclusive shares of
 * the busiest functions, the figures docs/benchmarks.md quotes.
 */
import { writeFileSync } from "node:fs";
import WebSocket from "ws";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  startTime: number;
  endTime: number;
}

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

const label = (f: CallFrame) => `${f.functionName || "(anonymous)"}${f.url ? ` ${f.url.split("/").pop()}:${f.lineNumber + 1}` : ""}`;

/** The busiest functions by self time and by inclusive time, as shares of all samples. */
export function summarise(profile: CpuProfile, top = 25): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const hits = new Map<number, number>();
  for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, count] of hits) {
    const own = label(byId.get(id)!.callFrame);
    self.set(own, (self.get(own) ?? 0) + count);
    // Each function once per sample, however often it recurs on the stack.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = label(byId.get(at)!.callFrame);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + count);
    }
  }
  const total = profile.samples.length;
  const lines = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, count]) => `${((100 * count) / total).toFixed(1).padStart(6)}%  ${name}`);
  return [`${total} samples`, "self:", ...lines(self), "inclusive:", ...lines(inclusive)].join("\n");
}
