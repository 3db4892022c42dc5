import type { Context } from "hono";
import type { AppEnv } from "../app-env";

/** The origin links should use: PUBLIC_URL, else the request's own (proxy headers if trusted). */
export function publicOrigin(c: Context<AppEnv>): string {
  const { config } = c.var.services;
  if (config.PUBLIC_URL) return config.PUBLIC_URL.replace(/\/+$/, "");
  const url = new URL(c.req.url);
  if (config.TRUST_PROXY) {
    const proto = c.req.header("x-forwarded-proto")?.split(",")[0]?.trim();
    const host = c.req.header("x-forwarded-host")?.split(",")[0]?.trim();
    return `${proto ?? url.protocol.replace(":", "")}://${host ?? url.host}`;
  }
  return url.origin;
}

/** True when the client reached us over https (directly or through a trusted proxy). */
export function isHttps(c: Context<AppEnv>): boolean {
  return publicOrigin(c).startsWith("https:");
}

/** The client's address for rate limits: the first X-Forwarded-For hop only behind a trusted proxy. */
export function clientAddress(c: Context<AppEnv>): string {
  const { config, remoteAddress } = c.var.services;
  if (config.TRUST_PROXY) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return remoteAddress(c) ?? "unknown";
}
