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
