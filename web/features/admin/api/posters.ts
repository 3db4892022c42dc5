import type { InferRequestType, InferResponseType } from "hono/client";
import { api, API_BASE, unwrap } from "../../../lib/api-client";
import { apiFetch, readResponse } from "../../../lib/http";

/** Either end of a collection window: an ISO instant, or null for "open". */
export type PosterWindow = InferRequestType<(typeof api.posters)[":id"]["$patch"]>["json"];

export const listSurveys = () => unwrap(api.surveys.$get());

export const createPoster = (unitCode: string, surveyId: string, window: PosterWindow = {}) =>
  unwrap(api.posters.$post({ json: { unitCode, surveyId, ...window } }));

export const createPosterBatch = (subdistrictCode: string, surveyId: string, window: PosterWindow = {}) =>
  unwrap(api.posters.batch.$post({ json: { subdistrictCode, surveyId, ...window } }));

/** Sets (instant) or clears (null) either end of the window. */
export const updatePosterWindow = (id: string, window: PosterWindow) =>
  unwrap(api.posters[":id"].$patch({ param: { id: encodeURIComponent(id) }, json: window }));

/** Final: the poster's page says it is closed and its submissions are refused. */
export const revokePoster = (id: string, reason: string) =>
  unwrap(api.posters[":id"].revoke.$post({ param: { id: encodeURIComponent(id) }, json: { reason } }));

type PosterList = InferResponseType<typeof api.posters.$get, 200>;

/**
 * The list shows up to 200 posters (the server's largest page is 1000). Not a typed call yet:
 * `ids` is one comma-separated value, but the route's query type is still the schema's output
 * (`string[]`), which hc would send as repeated parameters. Switch to
 * `api.posters.$get({ query })` once the route validates with zValidator (query input types).
 */
export function listPosters(query: { unit?: string; ids?: string[] }): Promise<PosterList["posters"]> {
  const params = new URLSearchParams({ limit: "200" });
  if (query.unit) params.set("unit", query.unit);
  if (query.ids) params.set("ids", query.ids.join(","));
  return apiFetch(`${API_BASE}/posters?${params}`)
    .then((res) => readResponse<PosterList>(res))
    .then((r) => r.posters);
}

export const getPoster = (id: string) => unwrap(api.posters[":id"].$get({ param: { id: encodeURIComponent(id) } }));

// Images, not JSON: the page puts these in <img> or downloads them (../lib/download-qr-png.ts).
export const qrSvgUrl = (id: string) => `${API_BASE}/posters/${encodeURIComponent(id)}/qr.svg`;
export const qrPngUrl = (id: string) => `${API_BASE}/posters/${encodeURIComponent(id)}/qr.png`;
