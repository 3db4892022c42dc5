/**
 * The tablet's IndexedDB (through `idb`): the sync queue, interview drafts, small per-user
 * settings and an offline copy of units and survey definitions. Queue writes use strict
 * durability: an interview counts as saved only once it is on disk.
 *
 * @example
 * const db = await openInterviewDb();
 * await db.putItem(item);
 * const mine = await db.itemsOf("zhang");
 */
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { ParadataDraft } from "./paradata";
import { addToSummary, emptySummary, type SyncedSummary } from "../sync/synced-summary";
import type { QueueItem } from "../sync/types";
import type { NewDoor } from "../../../../server/contracts/register";

export interface InterviewDraft {
  owner: string;
  visitId: string;
  responseId: string;
  unitCode: string;
  unitName: string;
  surveyId: string;
  surveyVersion: number;
  household: string;
  startedAt: string;
  data: Record<string, unknown>;
  pageNo: number;
  location: { latitude: number; longitude: number; accuracyM: number } | null;
  /** The register door (issue 16), and the door itself when this tablet found it; absent in older drafts. */
  registerEntryId?: string | null;
  newDoor?: NewDoor | null;
  /** Time per page and answer changes so far (lib/paradata.ts); absent in drafts saved before issue 16. */
  paradata?: ParadataDraft;
}

interface InterviewSchema extends DBSchema {
  queue: { key: string; value: QueueItem; indexes: { owner: string } };
  drafts: { key: string; value: InterviewDraft };
  meta: { key: string; value: { key: string; value: unknown } };
  catalog: { key: string; value: { key: string; value: unknown; savedAt: string } };
}

export const INTERVIEW_DB_NAME = "cw-interview";

export interface InterviewDb {
  itemsOf(owner: string): Promise<QueueItem[]>;
  getItem(id: string): Promise<QueueItem | undefined>;
  putItem(item: QueueItem): Promise<void>;
  /** Saves a finished interview and drops its draft in one transaction: never both, never neither. */
  commitInterview(item: QueueItem): Promise<void>;
  /**
   * Deletes confirmed records and adds them to the owner's summary in one transaction, so each
   * visit is counted once (as a record or in the summary). Ids that are not a confirmed record of
   * `owner` are left alone. Returns the summary after the change and the ids it removed.
   */
  pruneSynced(owner: string, ids: string[]): Promise<{ summary: SyncedSummary; pruned: string[] }>;
  getSummary(owner: string): Promise<SyncedSummary>;
  /** Drops an item that never reached the server (an undo, or a discard the server recorded). */
  deleteItem(id: string): Promise<void>;
  /** Unsent and refused items of every user on this device (counts only, for the heartbeat). */
  deviceCounts(): Promise<{ pending: number; needsAttention: number }>;
  getDraft(owner: string): Promise<InterviewDraft | undefined>;
  putDraft(draft: InterviewDraft): Promise<void>;
  deleteDraft(owner: string): Promise<void>;
  getMeta<T>(key: string): Promise<T | undefined>;
  setMeta(key: string, value: unknown): Promise<void>;
  deleteMeta(key: string): Promise<void>;
  getCatalog<T>(key: string): Promise<T | undefined>;
  putCatalog(key: string, value: unknown): Promise<void>;
  close(): void;
}

const STRICT = { durability: "strict" } as const;
const summaryKey = (owner: string) => `syncedSummary:${owner}`;

export async function openInterviewDb(name = INTERVIEW_DB_NAME): Promise<InterviewDb> {
  const db: IDBPDatabase<InterviewSchema> = await openDB<InterviewSchema>(name, 1, {
    upgrade(d) {
      d.createObjectStore("queue", { keyPath: "id" }).createIndex("owner", "owner");
      d.createObjectStore("drafts", { keyPath: "owner" });
      d.createObjectStore("meta", { keyPath: "key" });
      d.createObjectStore("catalog", { keyPath: "key" });
    },
  });
  return {
    itemsOf: (owner) => db.getAllFromIndex("queue", "owner", owner),
    getItem: (id) => db.get("queue", id),
    async putItem(item) {
      const tx = db.transaction("queue", "readwrite", STRICT);
      await Promise.all([tx.store.put(item), tx.done]);
    },
    async commitInterview(item) {
      const tx = db.transaction(["queue", "drafts"], "readwrite", STRICT);
      await Promise.all([tx.objectStore("queue").put(item), tx.objectStore("drafts").delete(item.owner), tx.done]);
    },
    async pruneSynced(owner, ids) {
      const tx = db.transaction(["queue", "meta"], "readwrite", STRICT);
      const queue = tx.objectStore("queue");
      const meta = tx.objectStore("meta");
      const before = ((await meta.get(summaryKey(owner)))?.value as SyncedSummary | undefined) ?? emptySummary();
      const gone: QueueItem[] = [];
      for (const id of ids) {
        const item = await queue.get(id);
        // Re-read inside the transaction: only a record the server confirmed is ever removed.
        if (!item || item.owner !== owner || item.state !== "done") continue;
        gone.push(item);
        await queue.delete(id);
      }
      const after = addToSummary(before, gone);
      await meta.put({ key: summaryKey(owner), value: after });
      await tx.done;
      return { summary: after, pruned: gone.map((i) => i.id) };
    },
    getSummary: async (owner) => ((await db.get("meta", summaryKey(owner)))?.value as SyncedSummary | undefined) ?? emptySummary(),
    async deleteItem(id) {
      const tx = db.transaction("queue", "readwrite", STRICT);
      await Promise.all([tx.store.delete(id), tx.done]);
    },
    async deviceCounts() {
      let pending = 0;
      let needsAttention = 0;
      let cursor = await db.transaction("queue").store.openCursor();
      while (cursor) {
        if (cursor.value.state === "pending") pending++;
        if (cursor.value.state === "needs_attention") needsAttention++;
        cursor = await cursor.continue();
      }
      return { pending, needsAttention };
    },
    getDraft: (owner) => db.get("drafts", owner),
    async putDraft(draft) {
      await db.put("drafts", draft);
    },
    async deleteDraft(owner) {
      await db.delete("drafts", owner);
    },
    getMeta: async <T>(key: string) => (await db.get("meta", key))?.value as T | undefined,
    async setMeta(key, value) {
      await db.put("meta", { key, value });
    },
    async deleteMeta(key) {
      await db.delete("meta", key);
    },
    getCatalog: async <T>(key: string) => (await db.get("catalog", key))?.value as T | undefined,
    async putCatalog(key, value) {
      await db.put("catalog", { key, value, savedAt: new Date().toISOString() });
    },
    close: () => db.close(),
  };
}
