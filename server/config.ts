import { z } from "zod";
import { MIN_ENCRYPTION_KEY_LENGTH } from "./db/encryption-key";

/**
 * Every setting the app reads, parsed once from the runtime's environment (process.env on Node,
 * bindings on Workers). Defaults are what `npm start` needs on a laptop.
 */
const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default("127.0.0.1"),
  DATABASE_URL: z.string().default("file:data/survey.db"),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  /**
   * Key of the embedded database file (libSQL encryption at rest; docs/operations.md). Only from
   * the environment, never stored; at least 32 characters. Its value is never part of a message.
   */
  DATABASE_ENCRYPTION_KEY: z
    .string()
    .min(MIN_ENCRYPTION_KEY_LENGTH, `must be at least ${MIN_ENCRYPTION_KEY_LENGTH} characters (e.g. openssl rand -base64 32)`)
    .optional(),
  ADMIN_PASSWORD: z.string().min(8).optional(),
  /** HMAC key for poster tokens; generated and persisted in the database when absent. */
  SERVER_SECRET: z.string().min(16).optional(),
  /** Absolute origin used in poster links and QR codes; defaults to the request's origin. */
  PUBLIC_URL: z.string().url().optional(),
  /** QR responses per minute from one address before they are stored flagged; 0 = off. */
  QR_RATE_LIMIT: z.coerce.number().int().min(0).default(60),
  /** Past this many per minute from one address the QR path answers 429; 0 = never. */
  QR_BLOCK_LIMIT: z.coerce.number().int().min(0).default(240),
  /** Trust X-Forwarded-For / X-Forwarded-Proto (set when behind a reverse proxy). */
  TRUST_PROXY: z
    .enum(["0", "1"])
    .default("0")
    .transform((v) => v === "1"),
  /** Failed logins for one username within LOGIN_WINDOW_MINUTES before further tries get 429. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  /** Failed logins from one address within LOGIN_WINDOW_MINUTES before further tries get 429. */
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  LOGIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  /** A QR response faster than this many seconds per answered question is flagged too_fast; 0 = off. */
  QR_MIN_SECONDS_PER_ANSWER: z.coerce.number().min(0).default(1.5),
  /** This many answered questions with one shared choice list all given the same answer flag straight_line; 0 = off. */
  QR_STRAIGHTLINE_MIN: z.coerce.number().int().min(0).default(8),
  /**
   * A QR response whose startedAt lies more than this many hours before the server received it
   * is stored flagged `clock` (kept, not counted); 0 = no such limit. Phones answer on the spot.
   */
  QR_CLOCK_BACK_HOURS: z.coerce.number().min(0).default(24),
  /** A QR response whose completedAt lies more than this many minutes after its receipt is flagged `clock`; 0 = no such limit. */
  QR_CLOCK_AHEAD_MINUTES: z.coerce.number().min(0).default(5),
  /**
   * How far an interview tablet's clock may be off: its times must lie between the survey
   * version's publication and the receipt, each widened by this many minutes, or the interview is
   * flagged `clock`. Tablets are offline for days, so there is no limit on how long ago. 0 = exact.
   */
  INTERVIEW_CLOCK_SLACK_MINUTES: z.coerce.number().min(0).default(15),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .default(24 * 7),
  SESSION_IDLE_HOURS: z.coerce.number().positive().default(24),
  /** Idle timeout in minutes; when set it replaces SESSION_IDLE_HOURS (等保 reviews often ask for 30). */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).optional(),
  /** Open sessions one user may hold; signing in once more ends the oldest. 0 = no limit. */
  SESSION_MAX_PER_USER: z.coerce.number().int().min(0).default(5),
  /**
   * Password policy (docs/security.md 身份鉴别), applied when a user is created, an admin resets a
   * password and a user changes their own: at least this many characters, of at least this many
   * of the four classes lower case, upper case, digit, symbol; none of the user's last
   * PASSWORD_HISTORY passwords again (0 = no check); and, when PASSWORD_MAX_AGE_DAYS is above 0,
   * a password older than that many days must be changed at the next sign-in.
   */
  PASSWORD_MIN_LENGTH: z.coerce.number().int().min(6).max(128).default(10),
  PASSWORD_MIN_CLASSES: z.coerce.number().int().min(1).max(4).default(3),
  PASSWORD_HISTORY: z.coerce.number().int().min(0).max(24).default(5),
  PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().min(0).default(0),
  /** Seed the demo hierarchy and posters into an empty database. */
  SEED_DEMO: z
    .enum(["0", "1"])
    .default("1")
    .transform((v) => v === "1"),
  /**
   * Node server timeouts (docs/reliability.md, "Slow and malformed requests"): seconds a client
   * may take to send the request headers, and the whole request (headers and body; the largest
   * body is a 32 MiB hierarchy import), and an idle keep-alive connection is kept open. A client
   * past them gets 408 and its connection is closed, so slow senders cannot hold sockets.
   */
  HTTP_HEADERS_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(15),
  HTTP_REQUEST_TIMEOUT_SECONDS: z.coerce.number().positive().max(3600).default(60),
  HTTP_KEEP_ALIVE_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(5),
  /**
   * Outbound webhooks (docs/api.md "Webhooks"): seconds between passes of the detection and
   * delivery job on Node (0 = off; the Worker runs it from its cron trigger instead); seconds a
   * receiver may take to answer; attempts before a delivery is given up as failed.
   */
  WEBHOOK_INTERVAL_SECONDS: z.coerce.number().min(0).max(86_400).default(60),
  WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().positive().max(60).default(5),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  /** This many flagged QR responses at one poster within WEBHOOK_QR_BURST_WINDOW_MINUTES is a burst. */
  WEBHOOK_QR_BURST_MIN: z.coerce.number().int().min(1).default(10),
  WEBHOOK_QR_BURST_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  /** A tablet with unsent items and no heartbeat for this many hours is reported. */
  WEBHOOK_DEVICE_STALE_HOURS: z.coerce.number().positive().default(24),
  /**
   * The retention job (docs/api.md "Retention"): seconds between passes on Node (0 = off; the
   * Worker runs a pass from its cron trigger), and visit rows or households per write transaction.
   */
  RETENTION_INTERVAL_SECONDS: z.coerce.number().min(0).max(604_800).default(3600),
  RETENTION_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
});

export type Config = z.infer<typeof configSchema>;

export function loadConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
