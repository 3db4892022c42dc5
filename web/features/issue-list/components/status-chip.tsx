import { texts } from "../../../lib/i18n";
import type { IssueStatus } from "../types";

/** A status in words (待处理 / 已转办 / 已整改); the colour only repeats what the text says. */
export function StatusChip({ status }: { status: IssueStatus }) {
  return (
    <span className={`issue-chip issue-chip--${status}`}>
      <span className="visually-hidden">{texts.issueList.statusLabel}</span>
      {texts.issueList.status[status]}
    </span>
  );
}
