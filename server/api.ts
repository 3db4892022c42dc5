import { Hono } from "hono";
import type { AppEnv, AppServices } from "./app-env";
import { limitBody } from "./middleware/body-limit";
import { csrfGuard } from "./middleware/security";
import { loadSession } from "./middleware/session";
import { adminRoutes } from "./routes/admin";
import { authRoutes } from "./routes/auth";
import { commentRoutes } from "./routes/comments";
import { deviceRoutes } from "./routes/devices";
import { exportRoutes } from "./routes/exports";
import { fieldProgressRoutes } from "./routes/field-progress";
import { issueItemRoutes } from "./routes/issue-items";
import { openApiRoutes } from "./routes/openapi";
import { posterRoutes } from "./routes/posters";
import { questionnaireRoutes } from "./routes/questionnaire";
import { rateRoutes } from "./routes/rates";
import { responseRoutes } from "./routes/responses";
import { settingsRoutes } from "./routes/settings";
import { subjectRoutes } from "./routes/subjects";
import { surveyVersionRoutes } from "./routes/survey-versions";
import { surveyRoutes } from "./routes/surveys";
import { surveyDraftRoutes } from "./routes/survey-drafts";
import { surveyLifecycleRoutes } from "./routes/survey-lifecycle";
import { UNIT_IMPORT_PATH, unitImportRoutes } from "./routes/unit-import";
import { unitAgeShareRoutes } from "./routes/unit-age-shares";
import { unitRoutes } from "./routes/units";
import { userRoutes } from "./routes/users";
import { visitRoutes } from "./routes/visits";
import { webhookRoutes } from "./routes/webhooks";

/** Bodies past this are refused with 413 before they are read (docs/design.md §4). */
export const MAX_BODY_BYTES = 64 * 1024;

const defaultBodyLimit = limitBody(MAX_BODY_BYTES);

/**
 * The versioned JSON API as one chained Hono app under `/api/v1`: because every `.route()` is
 * part of one expression, its type carries every route, and `hc<AppType>` in web/ is typed from
 * the handlers themselves (test/server/app-type.test.ts keeps it that way). The same routes,
 * through their `describe()` and validators, make the OpenAPI document (routes/openapi.ts).
 *
 * @example
 * const api = createApi(services);
 * const client = hc<AppType>("/"); // web/lib/api-client.ts
 * await client.api.v1.surveys.$get();
 */
export function createApi(services: AppServices) {
  const api = new Hono<AppEnv>()
    .basePath("/api/v1")
    .use(async (c, next) => {
      c.set("services", services);
      await next();
    })
    .use(async (c, next) => {
      // The hierarchy import takes whole files; it sets its own, larger limit.
      if (c.req.path.startsWith(`/api/v1${UNIT_IMPORT_PATH}`)) return next();
      return defaultBodyLimit(c, next);
    })
    .use(csrfGuard)
    .use(loadSession)
    .route("/auth", authRoutes)
    .route("/users", userRoutes)
    .route("/surveys", surveyRoutes)
    .route("/surveys", surveyVersionRoutes)
    .route("/surveys", surveyLifecycleRoutes)
    .route("/survey-drafts", surveyDraftRoutes)
    .route(UNIT_IMPORT_PATH, unitImportRoutes)
    .route("/units", unitRoutes)
    .route("/units", unitAgeShareRoutes)
    .route("/posters", posterRoutes)
    .route("/q", questionnaireRoutes)
    .route("/responses", responseRoutes)
    .route("/visits", visitRoutes)
    .route("/devices", deviceRoutes)
    .route("/field-progress", fieldProgressRoutes)
    .route("/rates", rateRoutes)
    .route("/exports", exportRoutes)
    .route("/comments", commentRoutes)
    .route("/issue-items", issueItemRoutes)
    .route("/settings", settingsRoutes)
    .route("/admin", adminRoutes)
    .route("/admin/subjects", subjectRoutes)
    .route("/webhooks", webhookRoutes);
  // Last, so the document it builds from `api.routes` sees every route above (and its own two).
  return api.route("/", openApiRoutes(api));
}

/** The API's type for `hc<AppType>` clients in web/: every route, its input and its answers. */
export type AppType = ReturnType<typeof createApi>;
