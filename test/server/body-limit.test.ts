import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../server/errors";
import { limitBody } from "../../server/middleware/body-limit";

/** A stream of `chunks` pieces of `size` bytes that records how many pieces were pulled. */
function countingStream(chunks: number, size: number) {
  const pulled = { count: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.count === chunks) return controller.close();
      pulled.count++;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
  return { stream, pulled };
}

function app() {
  const reached: string[] = [];
  const a = new Hono()
    .use(limitBody(1024))
    .all("/", async (c) => {
      reached.push(await c.req.text());
      return c.json({ ok: true });
    })
    .onError((error, c) =>
      error instanceof ApiError ? c.json({ error: { code: error.code, message: error.message } }, error.status) : c.text("boom", 500),
    );
  return { a, reached };
}

describe("limitBody", () => {
  it("refuses a declared Content-Length past the limit with 413 without reading the body", async () => {
    const { a, reached } = app();
    const { stream, pulled } = countingStream(4, 512);
    const res = await a.request("/", {
      method: "POST",
      body: stream,
      headers: { "content-length": "2048" },
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toEqual({ code: "payload_too_large", message: "请求体超过 1 KiB" });
    expect(reached).toEqual([]);
    // At most what the runtime buffered ahead; the body was not read through.
    expect(pulled.count).toBeLessThan(4);
  });

  it("passes a declared Content-Length within the limit to the handler, body intact", async () => {
    const { a, reached } = app();
    const body = "b".repeat(1024);
    const res = await a.request("/", { method: "POST", body, headers: { "content-length": String(body.length) } });
    expect(res.status).toBe(200);
    expect(reached).toEqual([body]);
  });

  it("measures a body without Content-Length (chunked) as it streams and refuses it past the limit", async () => {
    const { a, reached } = app();
    const { stream } = countingStream(4, 512);
    const res = await a.request("/", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    expect(res.status).toBe(413);
    expect(reached).toEqual([]);

    const small = countingStream(2, 512);
    const ok = await a.request("/", { method: "POST", body: small.stream, duplex: "half" } as RequestInit);
    expect(ok.status).toBe(200);
    expect(reached).toEqual(["a".repeat(1024)]);
  });

  it("answers 400 to a Content-Length that is not a byte count", async () => {
    const { a, reached } = app();
    const res = await a.request("/", { method: "POST", body: "x", headers: { "content-length": "12abc" } });
    expect(res.status).toBe(400);
    expect(reached).toEqual([]);
  });

  it("lets GET through untouched", async () => {
    const { a } = app();
    expect((await a.request("/")).status).toBe(200);
  });
});
