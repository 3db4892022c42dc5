import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { ApiError } from "../errors";

const WITHOUT_BODY = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses bodies past `maxBytes` with 413 before they are read.
 *
 * Hono's `bodyLimit` looks at `c.req.raw.body`, which makes @hono/node-server build a full WHATWG
 * Request with a stream for every request: about a tenth of the CPU of a POST /responses
 * (docs/benchmarks.md, "Ingest"). A declared Content-Length says the size without that; Node's
 * and workerd's HTTP parsers refuse a body longer than it declares. Only chunked bodies, whose
 * size is known once read, go through the streaming check.
 *
 * @example app.use(limitBody(64 * 1024))
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  const tooLarge = (): never => {
    throw new ApiError(413, "payload_too_large", `请求体超过 ${readableSize(maxBytes)}`);
  };
  const streaming = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async (c, next) => {
    if (WITHOUT_BODY.has(c.req.method)) return next();
    const declared = c.req.header("content-length");
    if (declared !== undefined && c.req.header("transfer-encoding") === undefined) {
      const size = Number(declared);
      if (!Number.isSafeInteger(size) || size < 0) throw new ApiError(400, "invalid_request", "Content-Length 无效");
      return size > maxBytes ? tooLarge() : next();
    }
    return streaming(c, next);
  };
}

const readableSize = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MiB` : `${bytes / 1024} KiB`);
