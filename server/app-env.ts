import type { Context } from "hono";
import type { Config } from "./config";
import type { Database } from "./db/client";
import type { Clock } from "./lib/clock";
import type { PosterResolver } from "./services/posters/poster-resolver";
import type { QrGuard } from "./services/ingest/qr-guard";
import type { ResponseWriter, ResponseWriterOptions } from "./services/ingest/response-writer";
import type { SurveyRegistry } from "./services/surveys/survey-registry";
import type { User } from "./services/auth/users";

/** Renders `text` as a PNG QR code: a capability of the runtime (server/lib/qr-png-node.ts). */
export type QrPng = (
  text: string,
  options: { errorCorrectionLevel: "L" | "M" | "Q" | "H"; margin: number; width: number },
) => Promise<Uint8Array<ArrayBuffer>>;

/** What the runtime entry hands to createApp. */
export interface AppDeps {
  db: Database;
  config: Config;
  /** HMAC key for poster tokens (ensureServerSecret). */
  secret: string;
  clock?: Clock;
  /** The peer address as the runtime sees it (socket on Node, CF-Connecting-IP on Workers). */
  remoteAddress?: (c: Context) => string | undefined;
  /** How the response writer commits (the Worker commits each request on its own). */
  writer?: ResponseWriterOptions;
  /**
   * A writer the runtime supplies instead of createResponseWriter(db, writer): the Worker's, which
   * hands each response to a Durable Object shard that groups commits (server/edge/shard-writer.ts).
   */
  responseWriter?: ResponseWriter;
  /** PNG QR codes, where the runtime can make them (Node); absent on the Worker. */
  qrPng?: QrPng;
  /**
   * PBKDF2 iterations of new password hashes. Tests only: the runtime entries never set it, so it
   * is PASSWORD_ITERATIONS (100,000); test apps lower it where hashing cost is not what a test
   * checks (test/helpers/test-app.ts). Stored hashes verify with their own count either way.
   */
  passwordIterations?: number;
  /** Outbound HTTP for webhooks (the test-send button); tests inject their own. Default: global fetch. */
  fetch?: typeof fetch;
}

/** Services built once per app from its deps and shared by every request. */
export interface AppServices {
  db: Database;
  config: Config;
  secret: string;
  clock: Clock;
  registry: SurveyRegistry;
  writer: ResponseWriter;
  qrGuard: QrGuard;
  posters: PosterResolver;
  sourceHasher: (address: string) => Promise<string>;
  remoteAddress: (c: Context) => string | undefined;
  qrPng: QrPng | undefined;
  passwordIterations: number;
  fetch: typeof fetch;
}

export interface AppEnv {
  Variables: {
    services: AppServices;
    user: User | undefined;
    sessionToken: string | undefined;
  };
}
