import { API_BASE } from "../../../lib/api-client";
import { apiRequest } from "../../../lib/http";
import type { PosterDetail, PosterLifecycle, PosterRow, SurveySummary } from "../types";

/** Either end of a collection window: an ISO instant, or null for "open". */
export interface PosterWindow {
  startsAt?: string | null;
  endsAt?: string | null;
}

export const listSurveys = () => apiRequest<SurveySummary[]>(`${API_BASE}/surveys`);

export const createPoster = (unitCode: string, surveyId: string, window: PosterWindow = {}) =>
  apiRequest<{ id: string; token: string; url: string }>(`${API_BASE}/posters`, { method: "POST", body: { unitCode, surveyId, ...window } });

export const createPosterBatch = (subdistrictCode: string, surveyId: string, window: PosterWindow = {}) =>
  apiRequest<{ posters: { id: string; unitCode: string; unitName: string; url: string }[] }>(`${API_BASE}/posters/batch`, {
    method: "POST",
    body: { subdistrictCode, surveyId, ...window },
  });

/** Sets (instant) or clears (null) either end of the window. */
export const updatePosterWindow = (id: string, window: PosterWindow) =>
  apiRequest<PosterLifecycle & { id: string }>(`${API_BASE}/posters/${encodeURIComponent(id)}`, { method: "PATCH", body: window });

/** Final: the poster's page says it is closed and its submissions are refused. */
export const revokePoster = (id: string, reason: string) =>
  apiRequest<PosterLifecycle & { id: string }>(`${API_BASE}/posters/${encodeURIComponent(id)}/revoke`, { method: "POST", body: { reason } });

export function listPosters(query: { unit?: string; ids?: string[] }): Promise<PosterRow[]> {
  const params = new URLSearchParams();
  if (query.unit) params.set("unit", query.unit);
  if (query.ids) params.set("ids", query.ids.join(","));
  return apiRequest<{ posters: PosterRow[] }>(`${API_BASE}/posters?${params}`).then((r) => r.posters);
}

export const getPoster = (id: string) => apiRequest<PosterDetail>(`${API_BASE}/posters/${encodeURIComponent(id)}`);

export const qrSvgUrl = (id: string) => `${API_BASE}/posters/${encodeURIComponent(id)}/qr.svg`;
export const qrPngUrl = (id: string) => `${API_BASE}/posters/${encodeURIComponent(id)}/qr.png`;
