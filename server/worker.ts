/**
 * The Cloudflare Workers entry: the same createApp on a remote libSQL database (Turso, or sqld
 * locally) over fetch. Settings come from the Worker's vars and secrets (wrangler.toml, `wrangler
 * secret put`); the web build is served by Workers static assets, which send only /api/* here.
 *
 * Nothing that matters lives in the isolate: sessions, duplicates and same-device flags are decided
 * by the database, and each response is committed before its request is answered. Responses are
 * written by the ingest shards, Durable Objects that group concurrent submissions into one
 * transaction (server/edge/ingest-shard.ts). Migrations are
 * not run from here (`npm run db:migrate` applies them with drizzle-kit); a database without the
 * schema makes every request fail with a 503 that says so.
 */
import type { ExecutionContext } from "hono";
import { shippedSurveys } from "../surveys/index";
import { createApp, type App } from "./app";
import type { RespondentPageOptions } from "./pages/respondent-page";
import { assertSchemaCurrent } from "./db/schema-check";
import { isDurableObjectNamespace } from "./edge/durable-objects";
import type { IngestShardStub } from "./edge/shard-protocol";
import { createShardWriter, DEFAULT_INGEST_SHARDS } from "./edge/shard-writer";
import { openWorkerDatabase, workerConfig } from "./edge/worker-database";
import { drainBody } from "./lib/drain-body";
import { bootstrapDatabase } from "./services/setup/bootstrap";
import { runWebhookPass } from "./services/webhooks/webhook-job";
import { runRetentionPass } from "./services/privacy/retention-job";

/** The ingest shard's class: the Durable Object binding INGEST_SHARD names it (wrangler.toml). */
export { IngestShard } from "./edge/ingest-shard";

/** The static assets binding ([assets] binding in wrangler.toml). */
interface AssetsBinding {
  fetch(request: Request): Promise<Response>;
}

export interface WorkerEnv {
  ASSETS?: AssetsBinding;
  [name: string]: unknown;
}

/**
 * One app per isolate, built by the first request. Requests that arrive meanwhile poll with their
 * own timer instead of awaiting the first request's promise: workerd cancels a request as hung
 * when all it waits for is another request's work.
 */
let app: App | undefined;
let starting = false;

async function appFor(env: WorkerEnv): Promise<App> {
  while (!app) {
    if (!starting) {
      starting = true;
      try {
        app = await start(env);
      } finally {
        starting = false;
      }
    } else {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  return app;
}

async function start(env: WorkerEnv): Promise<App> {
  const config = workerConfig(env);
  const db = openWorkerDatabase(config);
  await assertSchemaCurrent(db);
  // Idempotent and race-safe across isolates: publishes a survey only when its content changed.
  const boot = await bootstrapDatabase(db, config, shippedSurveys, new Date());
  if (boot.admin?.generated) {
    console.log(`created the first admin: admin / ${boot.admin.password} (shown once; set ADMIN_PASSWORD instead)`);
  }
  const assets = env.ASSETS;
  // Responses go to the ingest shards (Durable Objects) that group commits; without the binding
  // (an older wrangler.toml) or with INGEST_SHARDS = "0" each response commits on its own, as
  // requests in one isolate must not share I/O.
  const shards = env.INGEST_SHARD;
  const shardCount = ingestShards(env.INGEST_SHARDS);
  return createApp(
    {
      db,
      config,
      secret: boot.secret,
      remoteAddress: (c) => c.req.header("cf-connecting-ip"),
      ...(isDurableObjectNamespace<IngestShardStub>(shards) && shardCount > 0
        ? { responseWriter: createShardWriter(shards, { shards: shardCount }) }
        : { writer: { groupCommits: false } }),
    },
    {
      compress: false,
      ...(assets ? { assets: (c) => assets.fetch(c.req.raw), respondentPage: workerRespondentPage(assets) } : {}),
    },
  );
}

/**
 * index.html for the poster page (server/pages/respondent-page.ts; wrangler.toml sends /q/* here
 * first), read from the assets once per isolate: assets change only with a deployment, which
 * starts new isolates. Asked for "/" without the browser's conditional headers, so the answer is
 * always the file, never a 304 for a page that carries other data.
 */
function workerRespondentPage(assets: AssetsBinding): RespondentPageOptions {
  let template: Promise<string | null> | undefined;
  return {
    template: (c) => {
      template ??= assets.fetch(new Request(new URL("/", c.req.url))).then(
        (res) => (res.ok ? res.text() : null),
        () => null,
      );
      return template.then((html) => {
        if (html === null) template = undefined;
        return html;
      });
    },
    asset: async (c, path) => {
      const res = await assets.fetch(new Request(new URL(path, c.req.url)));
      return res.ok ? res.text() : null;
    },
  };
}

/** INGEST_SHARDS (a var): how many shards share the writes, 0 for none; unset or unreadable, the default. */
function ingestShards(value: unknown): number {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n >= 0 && n <= 64 ? n : DEFAULT_INGEST_SHARDS;
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    let ready: App;
    try {
      ready = await appFor(env);
    } catch (error) {
      console.error("worker start failed", error);
      // The poster page (run_worker_first sends /q/* here) is still the web build: its script
      // then asks the API, which says what is wrong.
      if (env.ASSETS && !new URL(request.url).pathname.startsWith("/api/")) return env.ASSETS.fetch(request);
      const message = error instanceof Error ? error.message : String(error);
      await drainBody(request);
      return Response.json({ error: { code: "unavailable", message: `服务暂不可用: ${message}` } }, { status: 503 });
    }
    const response = await ready.fetch(request, env, ctx);
    await drainBody(request);
    return response;
  },

  /**
   * The cron trigger (wrangler.toml [triggers], once a minute): one pass of the webhook job per
   * run, and one of the retention job in the first minute of each hour (its values are due by
   * the day, and each pass writes its log rows).
   */
  async scheduled(event: { scheduledTime?: number }, env: WorkerEnv, ctx: ExecutionContext): Promise<void> {
    const { db, clock, fetch, config, secret } = (await appFor(env)).services;
    ctx.waitUntil(
      runWebhookPass(db, { clock, fetch, config }).then(
        (s) => console.log("webhook pass", JSON.stringify(s)),
        (error: unknown) => console.error("webhook pass failed", error),
      ),
    );
    if (new Date(event.scheduledTime ?? Date.now()).getUTCMinutes() !== 0) return;
    ctx.waitUntil(
      runRetentionPass(db, { clock, secret, batchSize: config.RETENTION_BATCH_SIZE }).then(
        (runs) => console.log("retention pass", JSON.stringify(runs)),
        (error: unknown) => console.error("retention pass failed", error),
      ),
    );
  },
};
