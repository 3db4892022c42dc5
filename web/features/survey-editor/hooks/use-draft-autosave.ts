/**
 * The draft being edited, kept locally and saved in the background (lib/autosave.ts): every edit
 * replaces the JSON at once on screen, the server gets it after a quiet second with the revision
 * last seen, and each save's answer brings the server's problems for the new JSON.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, errorText } from "../../../lib/http";
import { getDraft, saveDraft } from "../api/drafts";
import { Autosaver, type SaveState } from "../lib/autosave";
import type { SurveyJson } from "../lib/survey-json";
import type { Problem, SurveyDraft } from "../types";
import { texts } from "../../../lib/i18n";

export interface DraftEditing {
  json: SurveyJson;
  problems: Problem[];
  /** The revision the server last confirmed. */
  revision: number;
  saveState: SaveState;
  update: (next: SurveyJson) => void;
  /** Saves now; true when the server holds the latest JSON. */
  flush: () => Promise<boolean>;
  /** After a conflict: take the server's copy, dropping this page's edits. */
  reload: () => Promise<void>;
  /** After a conflict: write this page's copy over the server's. */
  overwrite: () => Promise<void>;
}

export const isStaleRevision = (e: unknown) => e instanceof ApiError && e.status === 409;

export function useDraftAutosave(draft: SurveyDraft): DraftEditing {
  const [json, setJson] = useState<SurveyJson>(draft.json);
  const [problems, setProblems] = useState<Problem[]>(draft.problems);
  const [saveState, setSaveState] = useState<SaveState>({ kind: "saved" });
  const [revision, setRevision] = useState(draft.revision);
  const latest = useRef(json);
  const saver = useRef<Autosaver<SurveyJson, SurveyDraft> | null>(null);
  saver.current ??= new Autosaver<SurveyJson, SurveyDraft>(draft.revision, {
    save: (value, revision) => saveDraft(draft.id, value, revision),
    revisionOf: (saved) => saved.revision,
    isConflict: isStaleRevision,
    messageOf: errorText,
    onState: setSaveState,
    onSaved: (saved) => {
      setProblems(saved.problems);
      setRevision(saved.revision);
    },
  });
  const s = saver.current;

  const flush = useCallback(() => s.flush(), [s]);

  // Leaving the editor (another tab of /admin, the list) sends what is still pending.
  useEffect(() => () => void s.flush(), [s]);

  // Closing or reloading the browser tab with unsaved edits asks first.
  useEffect(() => {
    if (saveState.kind === "saved") return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = texts.surveyEditor.save.leaveWarning;
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [saveState.kind]);

  return {
    json,
    problems,
    revision,
    saveState,
    update: (next) => {
      latest.current = next;
      setJson(next);
      s.change(next);
    },
    flush,
    reload: async () => {
      const fresh = await getDraft(draft.id);
      latest.current = fresh.json;
      setJson(fresh.json);
      setProblems(fresh.problems);
      setRevision(fresh.revision);
      s.rebase(fresh.revision, null);
    },
    overwrite: async () => {
      const fresh = await getDraft(draft.id);
      s.rebase(fresh.revision, latest.current);
    },
  };
}
