import type { InValue } from "@libsql/client";
import { placeholders, type SqlStatement } from "../../db/sql-executor";
import { chunk } from "../../lib/chunk";
import { commentTexts, type CommentQuestion } from "./comment-questions";

/** What a comment row needs of its response (a NewResponse or a stored row with parsed answers). */
export interface CommentSource {
  id: string;
  unitCode: string;
  surveyId: string;
  surveyVersion: number;
  day: string;
  completedAt: string;
  answerValues: Record<string, unknown>;
  commentQuestions: readonly CommentQuestion[];
}

const COLUMNS = ["response_id", "question", "unit_code", "survey_id", "survey_version", "day", "completed_at", "text"] as const;
const ROW = `(${placeholders(COLUMNS.length)})`;
/** 100 rows x 8 arguments per statement, far below SQLite's bound-parameter limit. */
const ROWS_PER_STATEMENT = 100;

/**
 * The response_comments inserts for responses just written, as SQL text for the writer's batch
 * (ingest path, server/services/ingest/response-writer.ts) and the backfill. `do nothing` on a
 * stored (response, question): a rebuild over rows that exist is harmless.
 */
export function commentInserts(batch: readonly CommentSource[]): SqlStatement[] {
  const rows: InValue[][] = [];
  for (const r of batch) {
    for (const c of commentTexts(r.commentQuestions, r.answerValues)) {
      rows.push([r.id, c.question, r.unitCode, r.surveyId, r.surveyVersion, r.day, r.completedAt, c.text]);
    }
  }
  return chunk(rows, ROWS_PER_STATEMENT).map((part) => ({
    sql: `insert into response_comments (${COLUMNS.join(", ")}) values ${part.map(() => ROW).join(", ")}
          on conflict (response_id, question) do nothing`,
    args: part.flat(),
  }));
}
