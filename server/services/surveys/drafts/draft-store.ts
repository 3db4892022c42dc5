import { asc, eq } from "drizzle-orm";
import type { Database } from "../../../db/client";
import type { DrizzleTx } from "../../../db/sql-executor";
import { surveyDrafts } from "../../../db/schema";
import { notFound } from "../../refusal";
import type { DraftRow } from "./draft-view";

export async function findDraft(db: Database | DrizzleTx, id: string): Promise<DraftRow | undefined> {
  return db.query.surveyDrafts.findFirst({ where: eq(surveyDrafts.id, id) });
}

export async function getDraft(db: Database | DrizzleTx, id: string): Promise<DraftRow> {
  const row = await findDraft(db, id);
  if (!row) throw notFound("草稿");
  return row;
}

export async function findDraftOfSurvey(db: Database | DrizzleTx, surveyId: string): Promise<DraftRow | undefined> {
  return db.query.surveyDrafts.findFirst({ where: eq(surveyDrafts.surveyId, surveyId) });
}

export async function listDrafts(db: Database): Promise<DraftRow[]> {
  return db.select().from(surveyDrafts).orderBy(asc(surveyDrafts.surveyId));
}

/** A fresh draft row (revision 0), to be inserted by the caller's transaction. */
export function newDraftRow(
  surveyId: string,
  baseVersion: number | null,
  json: Record<string, unknown>,
  actor: string,
  now: Date,
): DraftRow {
  const at = now.toISOString();
  return {
    id: crypto.randomUUID(),
    surveyId,
    baseVersion,
    json: JSON.stringify(json),
    revision: 0,
    createdBy: actor,
    updatedBy: actor,
    createdAt: at,
    updatedAt: at,
  };
}
