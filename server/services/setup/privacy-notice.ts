import type { Database } from "../../db/client";
import { settings } from "../../db/schema";
import type { DrizzleTx } from "../../db/sql-executor";
import { eq } from "drizzle-orm";
import {
  DEFAULT_PRIVACY_NOTICE,
  PRIVACY_NOTICE_KEYS,
  PRIVACY_NOTICE_LIMITS,
  type PrivacyNotice,
} from "../../contracts/privacy-notice-defaults";
import type { PrivacyNoticeInput } from "../../contracts/privacy-notice";
import { auditInsert } from "../admin/audit";
import { writeTransaction } from "../../db/write-transaction";

/** The key in `settings` holding the texts an admin has set (absent: the defaults). */
export const PRIVACY_NOTICE_KEY = "privacy_notice";

export interface PrivacyNoticeView extends PrivacyNotice {
  /** When an admin last changed them; null while the defaults are in force. */
  updatedAt: string | null;
}

/**
 * Only strings within their limits are taken from the stored row, each text falling back to its
 * default on its own: a damaged row can never leave the respondent page without a notice.
 */
function parseStored(json: string | undefined): PrivacyNotice {
  let value: unknown;
  try {
    value = json ? JSON.parse(json) : undefined;
  } catch {
    value = undefined;
  }
  const stored = value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  const notice = { ...DEFAULT_PRIVACY_NOTICE };
  for (const key of PRIVACY_NOTICE_KEYS) {
    const text = stored[key];
    if (typeof text === "string" && text.trim() !== "" && text.length <= PRIVACY_NOTICE_LIMITS[key]) notice[key] = text;
  }
  return notice;
}

async function storedRow(db: Database | DrizzleTx) {
  return db.query.settings.findFirst({ where: eq(settings.key, PRIVACY_NOTICE_KEY) });
}

/** The texts in force: what an admin set, else the defaults. One primary-key read (it runs on every QR scan). */
export async function readPrivacyNotice(db: Database | DrizzleTx): Promise<PrivacyNoticeView> {
  const row = await storedRow(db);
  return { ...parseStored(row?.value), updatedAt: row?.updatedAt ?? null };
}

/**
 * Replaces every text at once, audited with the texts before and after in the same transaction;
 * texts identical to the stored ones write nothing (no entry that records no change).
 * The texts are city-wide (one notice for every poster); the entry belongs to the admin's own
 * scope, so the admin and everyone above see who changed what the public reads.
 */
export async function updatePrivacyNotice(
  db: Database,
  next: PrivacyNoticeInput,
  actor: { username: string; scope: string },
  now: Date,
): Promise<PrivacyNoticeView> {
  return writeTransaction(db, async (tx) => {
    const row = await storedRow(tx);
    const before = parseStored(row?.value);
    if (row && PRIVACY_NOTICE_KEYS.every((k) => before[k] === next[k])) return { ...before, updatedAt: row.updatedAt };
    const value = JSON.stringify(next);
    const at = now.toISOString();
    await tx
      .insert(settings)
      .values({ key: PRIVACY_NOTICE_KEY, value, updatedAt: at })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at } });
    await auditInsert(tx, { actor: actor.username, action: "settings.privacy_notice", before, after: next, scopeUnit: actor.scope }, now);
    return { ...next, updatedAt: at };
  });
}
