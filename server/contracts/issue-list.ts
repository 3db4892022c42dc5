import { z } from "zod";
import { calendarDaySchema } from "./calendar-day";
import { fromAfterTo, fromNotAfterTo, ratesQueryShape } from "./rates";
import { unitCodeSchema } from "./units";

import { ISSUE_STATUSES } from "./issue-statuses";

export { ISSUE_STATUSES, ISSUE_TRANSITIONS, type IssueStatus } from "./issue-statuses";

const surveyId = z.string().regex(/^[a-z0-9_-]{1,64}$/, "问卷编号无效");
const questionName = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, "题目编号无效");
const limit = z.coerce.number().int().min(1).max(200).default(50);
/** An opaque cursor from a previous page's `nextCursor`. */
const cursor = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,400}$/, "翻页标记无效")
  .optional();

/**
 * GET /api/v1/comments: the dashboard's date and flagged filters (Asia/Shanghai days, as the
 * rates), a unit (default: the caller's scope), a questionnaire, a question, search text, paging.
 */
export const commentsQuerySchema = ratesQueryShape
  .omit({ unit: true, audience: true, channel: true })
  .extend({
    unit: unitCodeSchema.optional(),
    survey: surveyId.optional(),
    question: questionName.optional(),
    channel: ratesQueryShape.shape.channel,
    q: z.string().trim().max(100, "搜索词最多 100 字").optional(),
    cursor,
    limit,
  })
  .refine(fromNotAfterTo, fromAfterTo);
export type CommentsQuery = z.output<typeof commentsQuerySchema>;

const day = calendarDaySchema;
const title = z.string().trim().min(2, "标题至少 2 个字").max(200, "标题最多 200 字");
const description = z.string().trim().max(2000, "说明最多 2000 字");
const note = z.string().trim().min(1, "备注不能为空").max(2000, "备注最多 2000 字");

/** POST /api/v1/issue-items: from a comment (responseId + question) or from nothing. */
export const issueCreateSchema = z
  .object({
    title,
    description: description.optional(),
    unitCode: unitCodeSchema,
    dueDate: day.optional(),
    source: z
      .object({ responseId: z.guid("答卷编号应为 UUID"), question: questionName })
      .strict()
      .optional(),
    note: note.optional(),
  })
  .strict();
export type IssueCreate = z.infer<typeof issueCreateSchema>;

/** PATCH /api/v1/issue-items/{id}: any of status, due date (null clears), assignee, a new note. */
export const issueUpdateSchema = z
  .object({
    status: z.enum(ISSUE_STATUSES).optional(),
    dueDate: day.nullable().optional(),
    unitCode: unitCodeSchema.optional(),
    title: title.optional(),
    description: description.nullable().optional(),
    note: note.optional(),
  })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: "没有要修改的内容", path: ["status"] });
export type IssueUpdate = z.infer<typeof issueUpdateSchema>;

/** GET /api/v1/issue-items: items assigned inside a unit's subtree (default: the caller's scope). */
export const issueListQuerySchema = z.object({
  unit: unitCodeSchema.optional(),
  status: z.enum(ISSUE_STATUSES).optional(),
  cursor,
  limit,
});

/** GET /api/v1/issue-items/summary: counts per child of a unit (default: the caller's scope). */
export const issueSummaryQuerySchema = z.object({ unit: unitCodeSchema.optional() });
