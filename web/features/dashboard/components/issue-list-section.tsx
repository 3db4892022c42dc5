import { texts } from "../../../lib/i18n";
import type { IssueCount } from "../lib/monthly-model";

const T = texts.dashboard;
const M = texts.monthlyReport;

/** 五、问题清单: open items per unit, or 暂无数据 when there are none. */
export function IssueListSection({ items }: { items: IssueCount[] }) {
  if (items.length === 0) {
    return (
      <p data-testid="report-issues" data-figure="">
        {M.noData}
      </p>
    );
  }
  return (
    <table className="dash-table" data-testid="report-issues">
      <thead>
        <tr>
          <th>{T.unit}</th>
          <th>{M.openIssues}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.unitName}>
            <td data-figure="">{i.unitName}</td>
            <td data-figure="">{i.openCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
