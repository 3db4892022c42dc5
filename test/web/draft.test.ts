import { describe, expect, it } from "vitest";
import {
  draftKey,
  markCompleted,
  markSubmitted,
  parseDraft,
  recordProgress,
  reopenDraft,
  resumeDraft,
  startDraft,
  toSubmission,
  type Draft,
} from "../../web/features/respondent/lib/draft";
import { loadDraft, saveDraft } from "../../web/features/respondent/lib/draft-store";
import { memoryStore } from "../../web/lib/storage";
import { UUID_V4_PATTERN, uuidV4 } from "../../web/lib/uuid";

const T0 = "2025-05-01T08:00:00.000Z";
const T1 = "2025-05-01T08:01:00.000Z";
const T2 = "2025-05-01T08:05:00.000Z";
const survey = { id: "resident", version: 3 };
let n = 0;
const fixedId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`;

describe("draft life cycle", () => {
  it("starts empty with a fresh UUID and no startedAt", () => {
    const d = startDraft(survey, T0, uuidV4);
    expect(d).toMatchObject({ surveyId: "resident", surveyVersion: 3, data: {}, pageNo: 0, status: "filling", startedAt: null });
    expect(d.responseId).toMatch(UUID_V4_PATTERN);
  });

  it("stamps startedAt at the first answer and keeps it", () => {
    let d = startDraft(survey, T0, fixedId);
    d = recordProgress(d, {}, 0, T0);
    expect(d.startedAt).toBeNull();
    d = recordProgress(d, { knows_campaign: "yes" }, 0, T1);
    expect(d.startedAt).toBe(T1);
    d = recordProgress(d, { knows_campaign: "yes", supports: "yes" }, 1, T2);
    expect(d.startedAt).toBe(T1);
    expect(d.pageNo).toBe(1);
  });

  it("builds the exact submission only once completed, same id every time", () => {
    let d = recordProgress(startDraft(survey, T0, fixedId), { a: 1 }, 2, T1);
    expect(toSubmission(d, "tok", "dev")).toBeNull();
    d = markCompleted(d, { a: 1, b: "x" }, T2);
    const s1 = toSubmission(d, "tok", "dev");
    const s2 = toSubmission(d, "tok", "dev");
    expect(s1).toEqual({
      id: d.responseId,
      surveyId: "resident",
      surveyVersion: 3,
      channel: "qr",
      token: "tok",
      answers: { a: 1, b: "x" },
      startedAt: T1,
      completedAt: T2,
      deviceId: "dev",
    });
    expect(JSON.stringify(s2)).toBe(JSON.stringify(s1));
  });

  it("uses completedAt as startedAt when nothing was answered before completing", () => {
    const d = markCompleted(startDraft(survey, T0, fixedId), {}, T2);
    expect(toSubmission(d, "t", "d")?.startedAt).toBe(T2);
  });

  it("reopens after a refusal with id and answers kept", () => {
    const done = markCompleted(recordProgress(startDraft(survey, T0, fixedId), { a: 1 }, 1, T1), { a: 1 }, T2);
    const again = reopenDraft(done, T2);
    expect(again).toMatchObject({ status: "filling", completedAt: null, responseId: done.responseId, data: { a: 1 } });
  });

  it("drops answers once submitted", () => {
    const d = markSubmitted(markCompleted(startDraft(survey, T0, fixedId), { a: 1 }, T1), T2);
    expect(d.status).toBe("submitted");
    expect(d.data).toEqual({});
    expect(toSubmission(d, "t", "d")).toBeNull();
  });
});

describe("resumeDraft", () => {
  const filled = (): Draft => recordProgress(startDraft(survey, T0, fixedId), { a: "x", b: 2 }, 3, T1);

  it("starts a new draft when nothing is stored", () => {
    const r = resumeDraft(null, survey, T2, fixedId);
    expect(r.restored).toBe(false);
    expect(r.versionChanged).toBe(false);
    expect(r.draft.status).toBe("filling");
  });

  it("restores answers and page for the same version", () => {
    const d = filled();
    const r = resumeDraft(d, survey, T2, fixedId);
    expect(r).toEqual({ draft: d, restored: true, versionChanged: false });
  });

  it("keeps answers, id and startedAt but resets the page when the version changed", () => {
    const d = filled();
    const r = resumeDraft(d, { id: "resident", version: 4 }, T2, fixedId);
    expect(r.versionChanged).toBe(true);
    expect(r.restored).toBe(true);
    expect(r.draft).toMatchObject({ surveyVersion: 4, pageNo: 0, data: { a: "x", b: 2 }, responseId: d.responseId, startedAt: T1 });
  });

  it("starts afresh for a different survey", () => {
    const d = filled();
    const r = resumeDraft(d, { id: "shopkeeper", version: 3 }, T2, fixedId);
    expect(r.draft.responseId).not.toBe(d.responseId);
    expect(r.draft.data).toEqual({});
  });

  it("leaves a pending draft on the version it was answered on", () => {
    const d = markCompleted(filled(), { a: "x" }, T2);
    const r = resumeDraft(d, { id: "resident", version: 9 }, T2, fixedId);
    expect(r.draft).toBe(d);
    expect(r.versionChanged).toBe(false);
  });
});

describe("draft storage", () => {
  it("round-trips through the store under a per-token key", () => {
    const store = memoryStore();
    const d = recordProgress(startDraft(survey, T0, fixedId), { a: "x" }, 1, T1);
    saveDraft(store, "tokA", d);
    expect(store.get(draftKey("tokA"))).not.toBeNull();
    expect(loadDraft(store, "tokA")).toEqual(d);
    expect(loadDraft(store, "tokB")).toBeNull();
  });

  it("keeps the unit name for the header after submission", () => {
    const store = memoryStore();
    const d = { ...markSubmitted(startDraft(survey, T0, fixedId), T1), unitName: "大渡口区 新山村街道 XX社区" };
    saveDraft(store, "t", d);
    expect(loadDraft(store, "t")?.unitName).toBe("大渡口区 新山村街道 XX社区");
    saveDraft(store, "u", { ...d, unitName: 42 as unknown as string });
    expect(loadDraft(store, "u")).toBeNull();
  });

  it("ignores corrupt or foreign entries", () => {
    const store = memoryStore({
      [draftKey("junk")]: "{not json",
      [draftKey("old")]: JSON.stringify({ answers: { a: 1 } }),
      [draftKey("arr")]: JSON.stringify({ ...startDraft(survey, T0, fixedId), data: [] }),
      [draftKey("pending")]: JSON.stringify({ ...startDraft(survey, T0, fixedId), status: "pending" }),
    });
    for (const t of ["junk", "old", "arr", "pending"]) expect(loadDraft(store, t)).toBeNull();
    expect(parseDraft(null)).toBeNull();
  });
});
