import { texts } from "../../../lib/i18n";
import { monthLabel } from "../lib/monthly-model";
import { pickableMonths, shanghaiToday, type ReportMonth } from "../lib/shanghai-month";

const M = texts.monthlyReport;
/** Two years back: a 通报 is about recent months; older ones stay reachable by the URL. */
const MONTHS_OFFERED = 24;

/** The 通报 month: 本月至今 first, then the whole months before, newest first. */
export function MonthPicker({ month, now, onPick }: { month: ReportMonth; now: Date; onPick: (value: string) => void }) {
  const months = pickableMonths(now, MONTHS_OFFERED);
  const value = month.current ? "current" : month.month;
  return (
    <label className="report-month">
      {M.monthPicker}
      <select data-testid="month-picker" value={value} onChange={(e) => onPick(e.target.value)}>
        <option value="current">{M.currentOption(monthLabel(shanghaiToday(now).slice(0, 7)))}</option>
        {!month.current && !months.includes(month.month) && <option value={month.month}>{monthLabel(month.month)}</option>}
        {months.map((m) => (
          <option key={m} value={m}>
            {monthLabel(m)}
          </option>
        ))}
      </select>
    </label>
  );
}
