import { z } from "zod";

/** Whether `s` (already YYYY-MM-DD in shape) names a real calendar day: 2026-02-30 does not. */
function isCalendarDay(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  // An invalid Date's toISOString() throws; zod runs refinements even after the regex failed, so
  // this must answer false for anything (9999-99-99, "x"), never throw (a 500 instead of a 422).
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/** A real calendar day, YYYY-MM-DD: the one date schema of every query and body that takes a day. */
export const calendarDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD")
  .refine(isCalendarDay, "日期无效");
