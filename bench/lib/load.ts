/**
 * A small closed-loop HTTP load generator for loopback benches: `connections` workers each send
 * a request, wait for the answer, and send the next, until the time or the request budget runs
 * out. Latency is measured per request; nothing here retries.
 */
import http from "node:http";

export interface LoadOptions {
  url: string;
  connections: number;
  durationMs: number;
  maxRequests?: number;
  method?: string;
  headers?: Record<string, string>;
  /** Body of the i-th request (unique ids per request, for example). */
  body?: (i: number) => string;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  statuses: Record<number, number>;
  errors: number;
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const target = new URL(o.url);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(target.hostname)) throw new Error("benches run on loopback only");
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.connections });
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let errors = 0;
  let issued = 0;
  const start = performance.now();
  const deadline = start + o.durationMs;
  const max = o.maxRequests ?? Number.POSITIVE_INFINITY;

  const one = (i: number) =>
    new Promise<void>((resolve) => {
      const body = o.body?.(i);
      const t = performance.now();
      const req = http.request(
        target,
        {
          method: o.method ?? (body ? "POST" : "GET"),
          agent,
          headers: { ...(body ? { "content-type": "application/json", "content-length": Buffer.byteLength(body) } : {}), ...o.headers },
        },
        (res) => {
          res.resume();
          res.on("end", () => {
            latencies.push(performance.now() - t);
            statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
            resolve();
          });
        },
      );
      req.on("error", () => {
        errors++;
        resolve();
      });
      if (body) req.write(body);
      req.end();
    });

  const worker = async () => {
    while (performance.now() < deadline && issued < max) await one(issued++);
  };
  await Promise.all(Array.from({ length: o.connections }, worker));
  agent.destroy();
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return { requests: latencies.length, seconds, rps: latencies.length / seconds, p50: q(0.5), p99: q(0.99), statuses, errors };
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
