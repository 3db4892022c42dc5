import { hc, type InferRequestType, type InferResponseType } from "hono/client";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { AppType } from "../../server/app";
import { createTestApp } from "../helpers/test-app";

/**
 * `AppType` must carry every route so web/ can be typed from the handlers (issue 12). These
 * checks are types first: `npm run typecheck` (and so CI) fails when a route stops flowing into
 * the type, e.g. when a `.route()` is written as a statement instead of a chained call.
 */
type Client = ReturnType<typeof hc<AppType>>;
type V1 = Client["api"]["v1"];

describe("AppType", () => {
  it("carries the API's resources, their methods and their answers", async () => {
    expectTypeOf<keyof Client>().not.toBeNever();
    expectTypeOf<keyof V1>().toEqualTypeOf<
      | "auth"
      | "users"
      | "surveys"
      | "survey-drafts"
      | "units"
      | "posters"
      | "q"
      | "responses"
      | "visits"
      | "devices"
      | "field-progress"
      | "rates"
      | "exports"
      | "comments"
      | "issue-items"
      | "settings"
      | "admin"
      | "webhooks"
      | "openapi.json"
      | "docs"
    >();
    type Me = InferResponseType<V1["auth"]["me"]["$get"], 200>;
    expectTypeOf<Me["user"]["username"]>().toEqualTypeOf<string>();
    // Inputs are the schemas' input types: a query field with a default or a transform
    // (includeFlagged) is optional to send, not required as in the handler's parsed output.
    type RatesQuery = InferRequestType<V1["rates"]["$get"]>["query"];
    expectTypeOf<{ unit: string }>().toExtend<RatesQuery>();
    type ExportQuery = InferRequestType<V1["exports"]["responses"]["$get"]>["query"];
    expectTypeOf<{ unit: string; survey: string }>().toExtend<ExportQuery>();
    type Accepted = InferResponseType<V1["responses"]["$post"], 201>;
    expectTypeOf<Accepted["status"]>().toEqualTypeOf<"accepted">();

    // And the typed client really talks to the app: the same call a page makes.
    const t = await createTestApp();
    const client = hc<AppType>("http://test.local", {
      fetch: (input: RequestInfo | URL, init?: RequestInit) => t.app.request(input, init),
    });
    const res = await client.api.v1.surveys.$get();
    expect(res.status).toBe(200);
    const surveys = await res.json();
    expect(surveys.map((s) => s.id).sort()).toEqual(["parent", "resident", "shopkeeper"]);
  });
});
