import { api, unwrap } from "../../../lib/api-client";
import type { BackCheckAnswers, QueueQuery, SettableState } from "../types";

const fr = api["field-review"];

export const getQueue = (query: QueueQuery) => unwrap(fr.interviews.$get({ query }));

export const setState = (id: string, state: SettableState, reason: string) =>
  unwrap(fr.interviews[":id"].state.$post({ param: { id: encodeURIComponent(id) }, json: { state, ...(reason ? { reason } : {}) } }));

export const getSettings = () => unwrap(fr.settings.$get());

export const drawBackChecks = (unit: string) => unwrap(fr["back-checks"].draw.$post({ json: { unit } }));

export const getBackChecks = (unit: string) => unwrap(fr["back-checks"].$get({ query: { unit, status: "open" } }));

export const submitBackCheck = (id: string, mode: "phone" | "visit", answers: BackCheckAnswers) =>
  unwrap(fr["back-checks"][":id"].$post({ param: { id: encodeURIComponent(id) }, json: { mode, answers } }));

export const getAgreement = (unit: string) => unwrap(fr.agreement.$get({ query: { unit } }));
