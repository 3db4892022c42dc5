import "../issue-list.css";
import { texts } from "../../../lib/i18n";
import { CommentList } from "./comment-list";
import { IssueItemList } from "./issue-item-list";
import { IssueSummaryPanel } from "./issue-summary-panel";

/** /dashboard/issues: open items per unit, the 问题清单, and the 意见建议 to make new items from. */
export function IssueListView({ unit, scope }: { unit: string; scope: string }) {
  return (
    <div className="issue-board">
      <h1>{texts.issueList.title}</h1>
      <IssueSummaryPanel unit={unit} drillDown />
      <IssueItemList unit={unit} />
      <CommentList unit={unit} scope={scope} />
    </div>
  );
}
