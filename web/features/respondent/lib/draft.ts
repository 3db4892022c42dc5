/**
 * The respondent's draft: everything needed to survive a reload or a lost signal, kept per poster
 * token on the phone. Pure functions over plain objects; `draft-store.ts` does the storage.
 *
 * Life cycle: `filling` -> (完成) `pending` -> (server said accepted / duplicate) `submitted`.
 * A `pending` draft holds the exact submission, so every retry resends identical content with the
 * same id and the server can dedupe it.
 */
import type { QrSubmission } from "../types";

export type DraftStatus = "filling" | "pending" | "submitted";

export interface Draft {
  v: 1;
  surveyId: string;
  surveyVersion: number;
  /** Client-made UUID v4, the idempotency key of the response; made once per draft. */
  responseId: string;
  data: Record<string, unknown>;
  pageNo: number;
  /** When the person first answered (ISO); null until then. */
  startedAt: string | null;
  status: DraftStatus;
  /** When the person pressed 完成 (ISO); null while filling. */
  completedAt: string | null;
  updatedAt: string;
  /** The unit's name, so the header still names it after submission (no questionnaire loaded). */
  unitName?: string;
}

export interface SurveyRef {
  id: string;
  version: number;
}

export interface ResumedDraft {
  draft: Draft;
  /** Answers from an earlier visit were brought back. */
  restored: boolean;
  /** The survey changed version since the draft: answers kept where they fit, page reset. */
  versionChanged: boolean;
}

export function draftKey(token: string): string {
  return `cw-draft:${token}`;
}

export function startDraft(survey: SurveyRef, now: string, makeId: () => string): Draft {
  return {
    v: 1,
    surveyId: survey.id,
    surveyVersion: survey.version,
    responseId: makeId(),
    data: {},
    pageNo: 0,
    startedAt: null,
    status: "filling",
    completedAt: null,
    updatedAt: now,
  };
}

/** Picks up where the person left off, or starts afresh if nothing usable is stored. */
export function resumeDraft(existing: Draft | null, survey: SurveyRef, now: string, makeId: () => string): ResumedDraft {
  if (!existing || existing.surveyId !== survey.id) {
    return { draft: startDraft(survey, now, makeId), restored: false, versionChanged: false };
  }
  // A pending or submitted draft belongs to the version it was answered on; leave it alone.
  if (existing.status !== "filling") return { draft: existing, restored: false, versionChanged: false };
  const restored = Object.keys(existing.data).length > 0 || existing.pageNo > 0;
  if (existing.surveyVersion === survey.version) return { draft: existing, restored, versionChanged: false };
  return {
    draft: { ...existing, surveyVersion: survey.version, pageNo: 0, updatedAt: now },
    restored,
    versionChanged: true,
  };
}

/** Records answers and the page after any change; the first answer stamps `startedAt`. */
export function recordProgress(draft: Draft, data: Record<string, unknown>, pageNo: number, now: string): Draft {
  const answered = Object.keys(data).length > 0;
  return {
    ...draft,
    data,
    pageNo: Math.max(0, Math.floor(pageNo)),
    startedAt: draft.startedAt ?? (answered ? now : null),
    updatedAt: now,
  };
}

export function markCompleted(draft: Draft, data: Record<string, unknown>, now: string): Draft {
  return { ...draft, data, status: "pending", startedAt: draft.startedAt ?? now, completedAt: now, updatedAt: now };
}

/** Back to filling after the server refused the answers (422): same id, answers kept. */
export function reopenDraft(draft: Draft, now: string): Draft {
  return { ...draft, status: "filling", completedAt: null, updatedAt: now };
}

/** Done: the answers leave the phone (they are on the server now), the id stays for reference. */
export function markSubmitted(draft: Draft, now: string): Draft {
  return { ...draft, data: {}, status: "submitted", updatedAt: now };
}

export function toSubmission(draft: Draft, token: string, deviceId: string): QrSubmission | null {
  if (draft.status !== "pending" || !draft.completedAt) return null;
  return {
    id: draft.responseId,
    surveyId: draft.surveyId,
    surveyVersion: draft.surveyVersion,
    channel: "qr",
    token,
    answers: draft.data,
    startedAt: draft.startedAt ?? draft.completedAt,
    completedAt: draft.completedAt,
    deviceId,
  };
}

/** Accepts only a well-formed draft; anything else (old format, hand-edited) is ignored. */
export function parseDraft(raw: unknown): Draft | null {
  if (typeof raw !== "object" || raw === null) return null;
  const d = raw as Record<string, unknown>;
  const isIsoOrNull = (x: unknown) => x === null || (typeof x === "string" && !Number.isNaN(Date.parse(x)));
  if (
    d.v !== 1 ||
    typeof d.surveyId !== "string" ||
    typeof d.surveyVersion !== "number" ||
    typeof d.responseId !== "string" ||
    typeof d.data !== "object" ||
    d.data === null ||
    Array.isArray(d.data) ||
    typeof d.pageNo !== "number" ||
    !Number.isFinite(d.pageNo) ||
    !isIsoOrNull(d.startedAt) ||
    !isIsoOrNull(d.completedAt) ||
    (d.status !== "filling" && d.status !== "pending" && d.status !== "submitted") ||
    typeof d.updatedAt !== "string"
  ) {
    return null;
  }
  if (d.status === "pending" && d.completedAt === null) return null;
  if (d.unitName !== undefined && typeof d.unitName !== "string") return null;
  return raw as Draft;
}
