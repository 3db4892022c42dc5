/** Shapes of the respondent endpoints, exactly as docs/design.md §4 fixes them. */
import type { InferRequestType, InferResponseType } from "hono/client";
import type { api } from "../../lib/api-client";

export type Audience = "resident" | "shopkeeper" | "parent" | (string & {});

/** GET /api/v1/q/:token */
export interface Questionnaire {
  /** `fullName` (e.g. "大渡口区 新山村街道 民主社区") is an extra the server sends beyond the contract. */
  unit: { code: string; name: string; fullName?: string };
  /** The 个人信息处理告知 (issue 19), sent with the questionnaire so it costs no request of its own. */
  privacyNotice?: { summary: string; full: string };
  survey: { id: string; version: number; audience: Audience; json: Record<string, unknown> };
}

/** POST /api/v1/responses, QR channel: the request contract with the poster's token. */
export type QrSubmission = Omit<InferRequestType<typeof api.responses.$post>["json"], "channel" | "token" | "unitCode"> & {
  channel: "qr";
  token: string;
};

/** The answer to a submission: accepted (201) or a duplicate of one already stored (200). */
export type SubmissionReceipt = InferResponseType<typeof api.responses.$post, 200 | 201>;

/** 410 from the page or a submission: the poster was revoked, or is outside its collection window. */
export const POSTER_CLOSED_CODES = ["poster_revoked", "poster_not_open", "poster_closed"] as const;
export type PosterClosedCode = (typeof POSTER_CLOSED_CODES)[number];

/** The closed-poster code of a 410 error code; an unknown 410 reads as revoked. */
export const posterClosedCode = (code: string): PosterClosedCode =>
  (POSTER_CLOSED_CODES as readonly string[]).includes(code) ? (code as PosterClosedCode) : "poster_revoked";
