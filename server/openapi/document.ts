import type { Hono } from "hono";
import type { Schema } from "hono/types";
import { generateSpecs } from "hono-openapi";
import type { AppEnv } from "../app-env";

/** The generated document, typed as far as its readers (the reference page, tests) need it. */
export type OpenApiDocument = Awaited<ReturnType<typeof generateSpecs>>;

/**
 * The error body every refusal has (docs/design.md §4); described once and referred to by every 4xx/5xx.
 */
const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", description: "Stable machine-readable code, e.g. invalid_request" },
        message: { type: "string", description: "Human-readable message (Simplified Chinese)" },
        issues: {
          type: "array",
          description: "Per-field problems of a 422",
          items: {
            type: "object",
            required: ["message"],
            properties: { path: { type: "string" }, question: { type: "string" }, message: { type: "string" } },
          },
        },
      },
    },
  },
} as const;

/**
 * Builds the OpenAPI 3.1 document of the API from its routes: hono-openapi reads each route's
 * `describeRoute` (tags, summary, responses) and the zod schemas our validators carry
 * (middleware/validate.ts), so what is documented is what is validated.
 *
 * @example const doc = await buildOpenApiDocument(api);
 */
export async function buildOpenApiDocument<S extends Schema, P extends string>(api: Hono<AppEnv, S, P>): Promise<OpenApiDocument> {
  return generateSpecs(api, {
    documentation: {
      openapi: "3.1.0",
      info: {
        title: "创文问卷 API",
        version: "1",
        description:
          "The versioned JSON API of 创文问卷 (Civic Survey). Generated from the server's routes and zod schemas. " +
          "Every refusal answers `{error:{code,message,issues?}}`. Admin and office endpoints need the session cookie " +
          "from POST /api/v1/auth/login; a write that carries the cookie must come from the same origin (CSRF guard).",
      },
      components: { schemas: { Error: errorSchema as never } },
    },
    // Off: it drops paths whose last segment has a dot, and /openapi.json is a route of ours.
    excludeStaticFile: false,
    // Off: every route lists its own refusals (openapi/describe.ts REFUSALS); the default would
    // add a 400 with hono-openapi's body, which is neither our status (422) nor our shape.
    defaultValidationErrorResponse: false,
  });
}
