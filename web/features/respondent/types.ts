/** Shapes of the respondent endpoints, exactly as DESIGN.md §4 fixes them. */

export type Audience = "resident" | "shopkeeper" | "parent" | (string & {});

/** GET /api/v1/q/:token */
export interface Questionnaire {
  /** `fullName` (e.g. "大渡口区 新山村街道 民主社区") is an extra the server sends beyond the contract. */
  unit: { code: string; name: string; fullName?: string };
  survey: { id: string; version: number; audience: Audience; json: Record<string, unknown> };
}

/** POST /api/v1/responses, QR channel. */
export interface QrSubmission {
  id: string;
  surveyId: string;
  surveyVersion: number;
  channel: "qr";
  token: string;
  answers: Record<string, unknown>;
  startedAt: string;
  completedAt: string;
  deviceId: string;
}

export interface SubmissionReceipt {
  id: string;
  status: "accepted" | "duplicate";
}

/** 410 from the page or a submission: the poster was revoked, or is outside its collection window. */
export const POSTER_CLOSED_CODES = ["poster_revoked", "poster_not_open", "poster_closed"] as const;
export type PosterClosedCode = (typeof POSTER_CLOSED_CODES)[number];

/** The closed-poster code of a 410 error code; an unknown 410 reads as revoked. */
export const posterClosedCode = (code: string): PosterClosedCode =>
  (POSTER_CLOSED_CODES as readonly string[]).includes(code) ? (code as PosterClosedCode) : "poster_revoked";
