import { API_BASE } from "../../../lib/api-client";
import { apiRequest } from "../../../lib/http";
import type { PosterDetail, PosterRow, SurveySummary } from "../types";

export const listSurveys = () => apiRequest<SurveySummary[]>(`${API_BASE}/surveys`);

export const createPoster = (unitCode: string, surveyId: string) =>
  apiRequest<{ id: string; token: string; url: string }>(`${API_BASE}/posters`, { method: "POST", body: { unitCode, surveyId } });

export const createPosterBatch = (subdistrictCode: string, surveyId: string) =>
  apiRequest<{ posters: { id: string; unitCode: string; unitName: string; url: string }[] }>(`${API_BASE}/posters/batch`, {
    method: "POST",
    body: { subdistrictCode, surveyId },
  });

export function listPosters(query: { unit?: string; ids?: string[] }): Promise<PosterRow[]> {
  const params = new URLSearchParams();
  if (query.unit) params.set("unit", query.unit);
  if (query.ids) params.set("ids", query.ids.join(","));
  return apiRequest<{ posters: PosterRow[] }>(`${API_BASE}/posters?${params}`).then((r) => r.posters);
}

export const getPoster = (id: string) => apiRequest<PosterDetail>(`${API_BASE}/posters/${encodeURIComponent(id)}`);

export const qrSvgUrl = (id: string) => `${API_BASE}/posters/${encodeURIComponent(id)}/qr.svg`;
export const qrPngUrl = (id: string) => `${API_BASE}/posters/${encodeURIComponent(id)}/qr.png`;
