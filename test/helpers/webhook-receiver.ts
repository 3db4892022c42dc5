import { createServer, type IncomingHttpHeaders, type Server } from "node:http";

export interface Received {
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** When the request had arrived whole (Date.now()). */
  arrivedAt: number;
  /** When its answer was sent (Date.now()); undefined while the receiver still holds it. */
  answeredAt?: number;
}

/**
 * A real HTTP receiver on 127.0.0.1 for the webhook tests: records each request, answers with
 * the next of `statuses` (then 200), optionally after `delayMs`.
 */
export async function startReceiver(options: { statuses?: number[]; delayMs?: number } = {}) {
  const statuses = [...(options.statuses ?? [])];
  const received: Received[] = [];
  const waiters: (() => void)[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const entry: Received = {
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        arrivedAt: Date.now(),
      };
      received.push(entry);
      for (const w of waiters.splice(0)) w();
      const status = statuses.shift() ?? 200;
      const timer = setTimeout(() => {
        entry.answeredAt = Date.now();
        res.writeHead(status, { "content-type": "application/json" }).end(status < 300 ? '{"ok":true}' : '{"error":"boom"}');
      }, options.delayMs ?? 0);
      res.on("close", () => clearTimeout(timer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    /** Resolves once at least `n` requests have arrived. */
    async waitFor(n: number, timeoutMs = 10_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (received.length < n) {
        if (Date.now() > deadline) throw new Error(`receiver got ${received.length} of ${n} requests`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;
