/**
 * Calendar months of the 通报 in Asia/Shanghai. China has one time zone and no daylight saving,
 * so a Shanghai day is UTC shifted by 8 hours (as server/lib/shanghai-day.ts computes the days the
 * rates reads filter on); a month is then plain arithmetic on "YYYY-MM" keys.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** The earliest month any stored record can fall in (server/lib/shanghai-day.ts FIRST_DAY). */
const FIRST_MONTH = "2000-01";
/** The day of the month the 通报 is due by. */
export const DUE_DAY = 22;

/** The month a report covers: a whole past month, or the current one up to today (本月至今). */
export interface ReportMonth {
  /** "YYYY-MM" */
  month: string;
  current: boolean;
  /** First and last Shanghai day the rates reads take (inclusive). */
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The Shanghai calendar day (YYYY-MM-DD) of an instant. */
export const shanghaiToday = (now: Date) => new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

/** "2026-11" moved by n months ("2026-01" − 1 = "2025-12"). */
export function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/** The last calendar day of a month: day 0 of the next month (leap years included). */
export function lastDayOf(month: string): string {
  const days = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  return `${month}-${pad(days)}`;
}

/** A whole month's days. */
export const fullMonth = (month: string): ReportMonth => ({ month, current: false, from: `${month}-01`, to: lastDayOf(month) });

/** The current month from its first day to today (本月至今). */
export function currentMonth(now: Date): ReportMonth {
  const today = shanghaiToday(now);
  return { month: today.slice(0, 7), current: true, from: `${today.slice(0, 7)}-01`, to: today };
}

/** The default: the last month that has ended in Shanghai. */
export const lastFullMonth = (now: Date): ReportMonth => fullMonth(addMonths(shanghaiToday(now).slice(0, 7), -1));

/**
 * The month of the URL's `month` parameter: `current` for 本月至今, a past "YYYY-MM" for that
 * month; anything else (missing, malformed, this or a future month, before 2000) falls back to the
 * last full month, so a hand-edited link still shows a report.
 */
export function reportMonthOf(param: string | null | undefined, now: Date): ReportMonth {
  if (param === "current") return currentMonth(now);
  const thisMonth = shanghaiToday(now).slice(0, 7);
  if (param && MONTH.test(param) && param >= FIRST_MONTH && param < thisMonth) return fullMonth(param);
  return lastFullMonth(now);
}

/** The month a report compares with: always the whole month before (also for 本月至今). */
export const previousMonth = (m: ReportMonth): ReportMonth => fullMonth(addMonths(m.month, -1));

/** The months the picker offers, newest first: `count` whole months before the current one. */
export function pickableMonths(now: Date, count: number): string[] {
  const thisMonth = shanghaiToday(now).slice(0, 7);
  return Array.from({ length: count }, (_, i) => addMonths(thisMonth, -(i + 1))).filter((m) => m >= FIRST_MONTH);
}

/**
 * Days left before the 22nd of the current Shanghai month: positive before it, 0 on the day,
 * negative after (the 22nd has passed).
 */
export const daysBeforeDue = (now: Date) => DUE_DAY - Number(shanghaiToday(now).slice(8, 10));
