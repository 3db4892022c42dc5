/**
 * The soak's load generator, run as its own process (`node --import tsx`), so the server under
 * test never shares its event loop or CPU accounting. Open loop: submission i is sent at
 * start + i / rate whether or not earlier ones were answered, so a slow server meets a growing
 * queue instead of a politely waiting client. Every answer is written to the result file as
 * `id status ms sentAtMs` lines (latency, and when it was sent from the start), network errors as
 * status 0.
 *
 * Input (one JSON argument): { url, rate, seconds, resultFile, bodies: string[] } where each body
 * is a submission with "__ID__" and "__DEVICE__" in place of its id and device id.
 */
import { createWriteStream } from "node:fs";
import { Agent, request } from "node:http";

interface GeneratorInput {
  url: string;
  rate: number;
  seconds: number;
  resultFile: string;
  bodies: string[];
}

const input = JSON.parse(process.argv[2]!) as GeneratorInput;
const target = new URL(`${input.url}/api/v1/responses`);
if (target.hostname !== "127.0.0.1") throw new Error("the soak runs on loopback only");
// Idle kept-alive sockets are closed by the client after 4 s, before the server's 5 s keep-alive
// limit (docs/api.md, "HTTP-level limits"): otherwise a socket the server is closing can be picked
// for the next request, which then fails with ECONNRESET before reaching the app (4 of 300,000 in
// a quiet 10-minute run, after the warm-up had opened many more sockets than the steady rate
// needs). Browsers retry such a request themselves; Node's client does not.
const agent = new Agent({ keepAlive: true, maxSockets: 256, timeout: 4_000 });
const out = createWriteStream(input.resultFile);
const total = Math.round(input.rate * input.seconds);
const run = `${process.pid}-${Date.now()}`;
let sent = 0;
const start = performance.now();
let answered = 0;
/** Network errors by code (ECONNRESET, timeout, ...), printed at the end: status 0 alone says not which. */
const networkErrors: Record<string, number> = {};

function send(i: number): void {
  const id = crypto.randomUUID();
  const body = input.bodies[i % input.bodies.length]!.replace("__ID__", id).replace("__DEVICE__", `soak-${run}-${i}`);
  const t0 = performance.now();
  const finish = (status: number) => {
    out.write(`${id} ${status} ${(performance.now() - t0).toFixed(1)} ${(t0 - start).toFixed(0)}\n`);
    answered++;
    if (answered === total) {
      if (Object.keys(networkErrors).length > 0) console.error(`soak generator: network errors ${JSON.stringify(networkErrors)}`);
      out.end(() => process.exit(0));
    }
  };
  const req = request(
    target,
    { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) }, timeout: 30_000 },
    (res) => {
      res.resume();
      res.on("end", () => finish(res.statusCode ?? 0));
    },
  );
  req.on("timeout", () => req.destroy(new Error("timeout")));
  req.on("error", (error: NodeJS.ErrnoException) => {
    const code = error.code ?? error.message;
    networkErrors[code] = (networkErrors[code] ?? 0) + 1;
    finish(0);
  });
  req.end(body);
}

// A 5 ms tick sends whatever the schedule says is due: at 500/s that is 2–3 per tick.
const tick = setInterval(() => {
  const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * input.rate));
  while (sent < due) send(sent++);
  if (sent >= total) clearInterval(tick);
}, 5);
