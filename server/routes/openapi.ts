import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { buildOpenApiDocument, type OpenApiDocument } from "../openapi/document";
import { describe } from "../openapi/describe";
import { renderReferencePage } from "../openapi/reference-page";

/**
 * The API's own description, public: `openapi.json` (OpenAPI 3.1) and `docs`, a reference page
 * for integrators rendered on the server from the same document (no scripts, no CDN: offices in
 * China cannot count on reaching one). Both are built once, on first request, and kept: the
 * routes do not change while the process runs.
 *
 * @example api.route("/", openApiRoutes(api)) // GET /api/v1/openapi.json, GET /api/v1/docs
 */
export function openApiRoutes(api: Parameters<typeof buildOpenApiDocument>[0]) {
  let document: Promise<OpenApiDocument> | undefined;
  let page: Promise<string> | undefined;
  const load = () => {
    // A failed build is not kept, so the next request tries again.
    document ??= buildOpenApiDocument(api).catch((error: unknown) => {
      document = undefined;
      throw error;
    });
    return document;
  };
  return new Hono<AppEnv>()
    .get("/openapi.json", describe("Reference", "This API as an OpenAPI 3.1 document", { 200: "The document" }), async (c) => {
      c.header("cache-control", "no-cache");
      return c.json(await load(), 200);
    })
    .get(
      "/docs",
      describe("Reference", "A readable reference of this API (HTML)", { 200: { description: "HTML page", media: "text/html" } }),
      async (c) => {
        page ??= load().then(renderReferencePage);
        c.header("cache-control", "no-cache");
        return c.html(await page, 200);
      },
    );
}
