/** Shapes of GET /comments and /issue-items, derived from the routes' answers (server/routes/comments.ts, issue-items.ts). */
import type { InferRequestType, InferResponseType } from "hono/client";
import type { api } from "../../lib/api-client";

export type CommentsPage = InferResponseType<(typeof api)["comments"]["$get"], 200>;
export type Comment = CommentsPage["comments"][number];
export type CommentsQuery = NonNullable<InferRequestType<(typeof api)["comments"]["$get"]>["query"]>;

export type IssueItemsPage = InferResponseType<(typeof api)["issue-items"]["$get"], 200>;
export type IssueItem = IssueItemsPage["items"][number];
export type IssueStatus = IssueItem["status"];
export type IssueCreate = InferRequestType<(typeof api)["issue-items"]["$post"]>["json"];
export type IssueUpdate = InferRequestType<(typeof api)["issue-items"][":id"]["$patch"]>["json"];
export type IssueSummary = InferResponseType<(typeof api)["issue-items"]["summary"]["$get"], 200>;
