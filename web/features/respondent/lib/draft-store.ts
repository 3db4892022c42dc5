import { readJson, writeJson, type KeyValueStore } from "../../../lib/storage";
import { draftKey, parseDraft, type Draft } from "./draft";

/** Reads the draft for a poster token; a corrupt entry reads as none. */
export function loadDraft(store: KeyValueStore, token: string): Draft | null {
  return parseDraft(readJson(store, draftKey(token)));
}

export function saveDraft(store: KeyValueStore, token: string, draft: Draft): void {
  writeJson(store, draftKey(token), draft);
}
