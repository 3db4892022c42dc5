/**
 * Issue 11, hole 10 (Node parts), against the real server process (server/node.ts) over raw TCP:
 * a request Node's parser refuses (bad Content-Length) gets our JSON error shape, not Node's bare
 * 400; slow headers and slow bodies are cut off after the configured timeouts (408, JSON), not
 * after Node's 300 s; an idle keep-alive connection is closed. And the static handler does not
 * serve the build's hidden files (.vite/manifest.json).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startNodeServer, type NodeServer } from "../../server/node";
import { freePort } from "../helpers/processes";
import { startServerProcess, type ServerProcess } from "./lib/server-process";

let dir: string;
let server: ServerProcess;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "cw-http-limits-"));
  server = await startServerProcess({
    dbPath: join(dir, "survey.db"),
    port: await freePort(),
    logDir: dir,
    name: "http-limits",
    env: { HTTP_HEADERS_TIMEOUT_SECONDS: "1", HTTP_REQUEST_TIMEOUT_SECONDS: "2", HTTP_KEEP_ALIVE_TIMEOUT_SECONDS: "1" },
  });
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface RawAnswer {
  status: number;
  headers: string;
  body: string;
  /** From the first byte sent to the server closing the connection. */
  closedAfterMs: number;
}

/**
 * Writes `parts` to a fresh connection (each after its delay), then reads until the server
 * closes it. `giveUpMs` ends the wait, so a server that never answers fails the test instead
 * of hanging it.
 */
function raw(parts: { delayMs?: number; data: string }[], giveUpMs = 15_000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(server.port, "127.0.0.1");
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no close within ${giveUpMs} ms; got: ${Buffer.concat(chunks).toString("utf8").slice(0, 300)}`));
    }, giveUpMs);
    socket.on("data", (c) => chunks.push(c));
    socket.on("error", () => undefined);
    socket.on("close", () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString("utf8");
      const [head = "", body = ""] = text.split("\r\n\r\n", 2);
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), headers: head, body, closedAfterMs: Date.now() - started });
    });
    socket.on("connect", async () => {
      for (const part of parts) {
        if (part.delayMs) await new Promise((r) => setTimeout(r, part.delayMs));
        if (socket.destroyed) return;
        socket.write(part.data);
      }
    });
  });
}

const errorOf = (answer: RawAnswer) => (JSON.parse(answer.body) as { error: { code: string; message: string } }).error;
const post = (headers: string) => `POST /api/v1/responses HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${headers}\r\n`;

describe("requests Node's HTTP parser refuses", () => {
  it("answers a bad Content-Length with our JSON error shape (400 bad_request) and closes", async () => {
    for (const headers of [
      "Content-Length: abc\r\n",
      "Content-Length: 5\r\nContent-Length: 6\r\n",
      "Content-Length: -1\r\n",
      "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n",
    ]) {
      const answer = await raw([{ data: `${post(headers)}{}` }]);
      expect(answer.status, headers).toBe(400);
      expect(answer.headers).toMatch(/content-type: application\/json/i);
      expect(errorOf(answer)).toMatchObject({ code: "bad_request", message: expect.any(String) });
    }
  });

  it("answers oversized headers with 431 in the same shape", async () => {
    const answer = await raw([{ data: `GET /api/v1/surveys HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(40_000)}\r\n\r\n` }]);
    expect(answer.status).toBe(431);
    expect(errorOf(answer).code).toBe("headers_too_large");
  });
});

describe("slow clients", () => {
  it("cuts off a body that trickles in after HTTP_REQUEST_TIMEOUT_SECONDS (408, JSON), not after 300 s", async () => {
    const answer = await raw([
      { data: post("Content-Length: 1000\r\n") },
      { data: '{"id":' },
      { delayMs: 1500, data: '"x' },
      { delayMs: 1500, data: "y" },
      { delayMs: 1500, data: "z" },
    ]);
    expect(answer.status).toBe(408);
    expect(errorOf(answer).code).toBe("request_timeout");
    // 2 s limit, checked every second: closed within about 3 s.
    expect(answer.closedAfterMs).toBeLessThan(5_000);
  });

  it("cuts off headers that never end after HTTP_HEADERS_TIMEOUT_SECONDS", async () => {
    const answer = await raw([{ data: "GET /api/v1/surveys HTTP/1.1\r\nHost: 127.0.0.1\r\n" }, { delayMs: 800, data: "X-Slow: 1\r\n" }]);
    expect(answer.status).toBe(408);
    expect(errorOf(answer).code).toBe("request_timeout");
    expect(answer.closedAfterMs).toBeLessThan(4_000);
  });

  it("closes an idle keep-alive connection after HTTP_KEEP_ALIVE_TIMEOUT_SECONDS", async () => {
    const answer = await raw([{ data: "GET /api/v1/surveys HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n" }]);
    expect(answer.status).toBe(200);
    expect(answer.closedAfterMs).toBeLessThan(4_000);
  });

  it("still serves a normal request on the same server", async () => {
    const res = await fetch(`${server.url}/api/v1/surveys`);
    expect(res.status).toBe(200);
  });
});

describe("static files", () => {
  let web: NodeServer;
  let root: string;
  beforeAll(async () => {
    // A web root like vite's build: the app, an asset, and the build's hidden files.
    root = join(dir, "web");
    mkdirSync(join(root, ".vite"), { recursive: true });
    mkdirSync(join(root, "assets"), { recursive: true });
    writeFileSync(join(root, "index.html"), "<!doctype html><title>app</title>");
    writeFileSync(join(root, "assets", "app-1.js"), "console.log(1)");
    writeFileSync(join(root, ".vite", "manifest.json"), JSON.stringify({ "index.html": { file: "assets/app-1.js" } }));
    writeFileSync(join(root, ".assetsignore"), ".vite\n");
    web = await startNodeServer({
      port: 0,
      host: "127.0.0.1",
      databaseUrl: `file:${join(dir, "static.db")}`,
      adminPassword: "static-admin-1",
      webRoot: root,
      quiet: true,
    });
  });
  afterAll(() => web?.close());

  it("does not serve .vite/manifest.json or any other dot path (404 JSON), and serves the app", async () => {
    for (const path of [
      "/.vite/manifest.json",
      "/.vite/",
      "/%2evite/manifest.json",
      "/%2Evite/manifest.json",
      "/.assetsignore",
      "/assets/../.vite/manifest.json",
    ]) {
      const res = await fetch(`${web.url}${path}`);
      const text = await res.text();
      expect(res.status, path).toBe(404);
      expect(text, path).not.toContain("app-1.js");
    }
    expect((await fetch(`${web.url}/assets/app-1.js`)).status).toBe(200);
    const page = await fetch(`${web.url}/dashboard`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<title>app</title>");
  });
});
