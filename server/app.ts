import { Hono, type MiddlewareHandler } from "hono";
import { compress } from "hono/compress";
import { HTTPException } from "hono/http-exception";
import { createApi } from "./api";
import type { AppDeps, AppEnv, AppServices } from "./app-env";
import { ApiError } from "./errors";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { Refusal, type RefusalKind } from "./services/refusal";
import { systemClock } from "./lib/clock";
import { allowSameOriginFraming, SAME_ORIGIN_FRAMED_PATH, securityHeaders } from "./middleware/security";
import { createPosterResolver } from "./services/posters/poster-resolver";
import { createQrGuard } from "./services/ingest/qr-guard";
import { createSourceHasher } from "./services/ingest/source-hasher";
import { createResponseWriter } from "./services/ingest/response-writer";
import { isStorageUnavailableError, storageUnavailable } from "./db/storage-errors";
import { createSurveyRegistry } from "./services/surveys/survey-registry";
import { PASSWORD_ITERATIONS } from "./services/auth/passwords";
import { respondentPage, type RespondentPageOptions } from "./pages/respondent-page";
import { MemoizedRouter } from "./lib/memoized-router";

/** The status of each kind of domain refusal (services/refusal.ts); the services never pick one. */
const REFUSAL_STATUS: Record<RefusalKind, ContentfulStatusCode> = {
  invalid: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_many: 429,
  unavailable: 503,
};

export { MAX_BODY_BYTES } from "./api";
export type { AppType } from "./api";

/**
 * Builds the whole HTTP app from its dependencies; the runtime entries (node.ts, worker.ts) only
 * open the database, load the config and hand over.
 *
 * @example
 * const app = createApp({ db, config, secret });
 * const res = await app.request("/api/v1/surveys");
 */
export function createApp(
  deps: AppDeps,
  options: { assets?: MiddlewareHandler; compress?: boolean; respondentPage?: RespondentPageOptions } = {},
) {
  const clock = deps.clock ?? systemClock;
  const services: AppServices = {
    db: deps.db,
    config: deps.config,
    secret: deps.secret,
    clock,
    registry: createSurveyRegistry(deps.db, clock),
    writer: deps.responseWriter ?? createResponseWriter(deps.db, deps.writer),
    qrGuard: createQrGuard({ flagLimit: deps.config.QR_RATE_LIMIT, blockLimit: deps.config.QR_BLOCK_LIMIT }, clock),
    posters: createPosterResolver(deps.db, deps.secret),
    sourceHasher: createSourceHasher(deps.secret),
    remoteAddress: deps.remoteAddress ?? (() => undefined),
    qrPng: deps.qrPng,
    passwordIterations: deps.passwordIterations ?? PASSWORD_ITERATIONS,
    // Bound: Workers refuse a fetch called with another `this`.
    fetch: deps.fetch ?? ((input, init) => fetch(input, init)),
  };

  // Every request's route lookup is remembered per method + path (server/lib/memoized-router.ts).
  const app = new Hono<AppEnv>({ router: new MemoizedRouter() });
  app.use(SAME_ORIGIN_FRAMED_PATH, allowSameOriginFraming);
  app.use(securityHeaders);
  // Workers compress responses themselves (a gzip body there would be gzipped twice): off there.
  if (options.compress !== false) app.use(compress());
  app.route("/", createApi(services));
  app.all("/api/*", () => {
    throw new ApiError(404, "not_found", "接口不存在");
  });
  // The poster page with its questionnaire inline (server/pages/respondent-page.ts), then the files.
  if (options.respondentPage) app.get("/q/:token", respondentPage(services, options.respondentPage));
  if (options.assets) app.use("*", options.assets);
  app.notFound((c) => c.json({ error: { code: "not_found", message: "页面不存在" } }, 404));
  app.onError((err, c) => {
    if (err instanceof Refusal) {
      const body = { error: { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) } };
      return c.json(body, REFUSAL_STATUS[err.kind]);
    }
    if (err instanceof ApiError) {
      const body = { error: { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) } };
      return c.json(body, err.status);
    }
    if (err instanceof HTTPException && err.status < 500) {
      const code = err.status === 400 ? "invalid_json" : "bad_request";
      const message = err.status === 400 ? "请求体不是有效的 JSON" : err.message;
      return c.json({ error: { code, message } }, err.status);
    }
    if (isStorageUnavailableError(err)) {
      // Disk full, read-only or unreachable database: a write was refused, nothing half-done
      // (every write is one statement or one transaction). Reads keep working meanwhile.
      console.error("storage unavailable", err instanceof Error ? err.message : err);
      const { code, message } = storageUnavailable();
      return c.json({ error: { code, message } }, 503);
    }
    console.error("unhandled error", err);
    return c.json({ error: { code: "internal", message: "服务器内部错误" } }, 500);
  });
  return Object.assign(app, { services });
}

export type App = ReturnType<typeof createApp>;
