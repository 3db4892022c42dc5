/**
 * A small closed-loop HTTP/1.1 load generator for loopback benches: `connections` keep-alive
 * sockets each send a request, wait for the whole answer, and send the next, until the time or the
 * request budget runs out. Latency is measured per request; nothing here retries.
 *
 * It writes requests and reads answers on raw sockets (like wrk) rather than through
 * `http.request`: at 2,000–4,000 req/s, Node's HTTP client spent about a core of its own, on a
 * 2-core machine the servers under test were then waiting for the generator (a CPU profile of our
 * server showed it idle 40% of a run), and the ratio measured the client more than either server.
 */
import net from "node:net";

export interface LoadOptions {
  url: string;
  connections: number;
  durationMs: number;
  maxRequests?: number;
  method?: string;
  headers?: Record<string, string>;
  /** Body of the i-th request (unique ids per request, for example). */
  body?: (i: number) => string;
  /**
   * How long after the deadline a request may still be unanswered (default 30 s): then its socket
   * is closed and it counts as an error, so a server that stalls ends the round instead of
   * holding the bench (and the processes it started) until an outer limit kills it.
   */
  graceMs?: number;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  statuses: Record<number, number>;
  errors: number;
  /** CPU the generator itself used, in % of one core over the run (user + system). */
  clientCpuPercent: number;
}

const HEADER_END = Buffer.from("\r\n\r\n");

/** What one answer's head says about its body: its length, or chunked. */
function parseHead(head: string): { status: number; length: number; chunked: boolean } {
  const status = Number(head.slice(9, 12));
  // Every header line ends in CRLF here, the last one too (the head was cut before its CRLFCRLF).
  const lower = `${head.toLowerCase()}\r\n`;
  const at = lower.indexOf("\r\ncontent-length:");
  const length = at < 0 ? -1 : Number.parseInt(lower.slice(at + 17, lower.indexOf("\r\n", at + 2)).trim(), 10);
  return { status, length, chunked: at < 0 && lower.includes("\r\ntransfer-encoding: chunked") };
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const target = new URL(o.url);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(target.hostname)) throw new Error("benches run on loopback only");
  const host = target.hostname === "[::1]" ? "::1" : target.hostname;
  const port = Number(target.port || 80);
  const extra = Object.entries(o.headers ?? {})
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join("");
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let errors = 0;
  let issued = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const deadline = start + o.durationMs;
  const max = o.maxRequests ?? Number.POSITIVE_INFINITY;

  const open = new Set<net.Socket>();
  const stalled = setTimeout(
    () => {
      for (const socket of open) socket.destroy();
    },
    o.durationMs + (o.graceMs ?? 30_000),
  );

  const request = (i: number): Buffer => {
    const body = o.body?.(i);
    const method = o.method ?? (body ? "POST" : "GET");
    const head =
      `${method} ${target.pathname}${target.search} HTTP/1.1\r\nhost: ${target.host}\r\n${extra}` +
      (body ? `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` : "") +
      "\r\n";
    return Buffer.from(body ? head + body : head);
  };

  const worker = () =>
    new Promise<void>((resolve) => {
      if (!(performance.now() < deadline && issued < max)) return resolve();
      const socket = net.connect({ host, port, noDelay: true });
      open.add(socket);
      let buffered: Buffer = Buffer.alloc(0);
      let sentAt = 0;
      let outstanding = false;
      let finished = false;
      const done = () => {
        if (finished) return;
        finished = true;
        socket.destroy();
        resolve();
      };
      const send = () => {
        if (!(performance.now() < deadline && issued < max)) return done();
        sentAt = performance.now();
        outstanding = true;
        socket.write(request(issued++));
      };
      socket.on("connect", send);
      socket.on("data", (chunk: Buffer) => {
        buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
        const headEnd = buffered.indexOf(HEADER_END);
        if (headEnd < 0) return;
        const { status, length, chunked } = parseHead(buffered.subarray(0, headEnd).toString("latin1"));
        const bodyStart = headEnd + 4;
        let end: number;
        if (chunked) {
          const last = buffered.indexOf("\r\n0\r\n\r\n", bodyStart - 2);
          if (last < 0) return;
          end = last + 7;
        } else {
          end = bodyStart + Math.max(0, length);
          if (buffered.length < end) return;
        }
        buffered = buffered.subarray(end);
        outstanding = false;
        latencies.push(performance.now() - sentAt);
        statuses[status] = (statuses[status] ?? 0) + 1;
        send();
      });
      // A socket that fails or closes with a request unanswered is an error, counted once.
      socket.on("error", () => undefined);
      socket.on("close", () => {
        open.delete(socket);
        if (outstanding && !finished) errors++;
        done();
      });
    });

  await Promise.all(Array.from({ length: o.connections }, worker));
  clearTimeout(stalled);
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return {
    requests: latencies.length,
    seconds,
    rps: latencies.length / seconds,
    p50: q(0.5),
    p99: q(0.99),
    statuses,
    errors,
    clientCpuPercent: +(((cpu.user + cpu.system) / 1000 / (seconds * 1000)) * 100).toFixed(0),
  };
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
