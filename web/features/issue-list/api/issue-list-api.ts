import { api, unwrap } from "../../../lib/api-client";
import type { CommentsQuery, IssueCreate, IssueStatus, IssueUpdate } from "../types";

export const getComments = (query: CommentsQuery) => unwrap(api.comments.$get({ query }));

export const getIssueItems = (query: { unit?: string; status?: IssueStatus; cursor?: string }) =>
  unwrap(api["issue-items"].$get({ query }));

export const getIssueSummary = (unit: string) => unwrap(api["issue-items"].summary.$get({ query: { unit } }));

export const createIssueItem = (json: IssueCreate) => unwrap(api["issue-items"].$post({ json }));

export const updateIssueItem = (id: number, json: IssueUpdate) =>
  unwrap(api["issue-items"][":id"].$patch({ param: { id: String(id) }, json }));

/** One level of the unit picker: a unit and its children (GET /units/:code). */
export const getUnitLevel = (code: string) => unwrap(api.units[":code"].$get({ param: { code: encodeURIComponent(code) } }));
