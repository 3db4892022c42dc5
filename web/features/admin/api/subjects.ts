import type { InferRequestType, InferResponseType } from "hono/client";
import { api, unwrap } from "../../../lib/api-client";
import { readResponse, toApiError } from "../../../lib/http";

export type SubjectQuery = InferRequestType<typeof api.admin.subjects.$get>["query"];
export type SubjectSummary = InferResponseType<typeof api.admin.subjects.$get, 200>;
export type SubjectExport = InferRequestType<typeof api.admin.subjects.export.$post>["json"];
export type SubjectAnonymise = InferRequestType<typeof api.admin.subjects.anonymise.$post>["json"];

export const findSubject = (query: SubjectQuery) => unwrap(api.admin.subjects.$get({ query }));

/** The file the server made (JSON or XLSX) with its name from Content-Disposition. */
export async function exportSubject(body: SubjectExport): Promise<{ name: string; blob: Blob }> {
  const res = await api.admin.subjects.export.$post({ json: body });
  if (!res.ok) {
    await readResponse(res);
    throw toApiError(res.status, null);
  }
  const disposition = res.headers.get("content-disposition") ?? "";
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : `subject.${body.format ?? "json"}`;
  return { name, blob: await res.blob() };
}

export const anonymiseSubject = (body: SubjectAnonymise) => unwrap(api.admin.subjects.anonymise.$post({ json: body }));
