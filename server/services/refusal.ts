import type { ErrorIssue } from "../errors";

/**
 * Why a service will not do what it was asked, in the domain's terms: the services know nothing
 * of HTTP, and the one `onError` in app.ts maps each kind to its status (REFUSAL_STATUS there).
 * `code` and `message` are the contract's `error.code` and `error.message` (docs/design.md §4).
 */
export type RefusalKind =
  /** The request is well-formed but the domain will not take it (422). */
  | "invalid"
  /** The caller may not do this (403). */
  | "forbidden"
  /** The thing asked about does not exist (404). */
  | "not_found"
  /** It clashes with what is already stored (409). */
  | "conflict"
  /** It existed and is closed for good or for now (410). */
  | "gone"
  /** Too many of these too fast (429). */
  | "too_many"
  /** The caller is not signed in (401). */
  | "unauthorized"
  /** The storage cannot take it now; the client should retry later (503). */
  | "unavailable";

export class Refusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    readonly code: string,
    message: string,
    readonly issues?: ErrorIssue[],
  ) {
    super(message);
    this.name = "Refusal";
  }
}

/** @example throw invalid("unknown_survey", "问卷不存在"); */
export const invalid = (code: string, message: string, issues?: ErrorIssue[]) => new Refusal("invalid", code, message, issues);
export const conflict = (code: string, message: string) => new Refusal("conflict", code, message);
export const gone = (code: string, message: string) => new Refusal("gone", code, message);
export const tooMany = (code: string, message: string) => new Refusal("too_many", code, message);
export const notFound = (what: string) => new Refusal("not_found", "not_found", `${what}不存在`);
export const forbidden = (message = "无权访问该单位的数据", issues?: ErrorIssue[]) =>
  new Refusal("forbidden", "forbidden", message, issues);
export const unauthorized = () => new Refusal("unauthorized", "unauthorized", "请先登录");
