import type { Config } from "../../config";
import { hasValidDay } from "../../lib/shanghai-day";

/** The settings of server/config.ts that bound a response's device times. */
export type ClockLimits = Pick<Config, "QR_CLOCK_BACK_HOURS" | "QR_CLOCK_AHEAD_MINUTES" | "INTERVIEW_CLOCK_SLACK_MINUTES">;

const HOUR_MS = 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/**
 * Whether the device's startedAt / completedAt (epoch ms, started <= completed) can be believed
 * (issue 11, hole 2). If not, the response is stored flagged `clock` and left out of the rates:
 * a backdated answer must not land in a month that was already reported, and a far-future one
 * must not sit in next month's figures.
 * - Always: both times have a Shanghai day between 2000 and 9999 (a valid day key).
 * - QR: a phone answers on the spot, so both lie within QR_CLOCK_BACK_HOURS before and
 *   QR_CLOCK_AHEAD_MINUTES after the receipt (0 turns that side off).
 * - Interview: tablets work offline for days, so no limit back in time, but nothing can be
 *   answered before its survey version was published nor after it was received; both ends are
 *   widened by INTERVIEW_CLOCK_SLACK_MINUTES for a tablet clock that is a little off.
 */
export function deviceTimesBelievable(
  channel: "qr" | "interview",
  times: { started: number; completed: number },
  context: { receivedAt: number; publishedAt: number },
  limits: ClockLimits,
): boolean {
  const { started, completed } = times;
  if (!hasValidDay(started) || !hasValidDay(completed)) return false;
  if (channel === "qr") {
    const back = limits.QR_CLOCK_BACK_HOURS * HOUR_MS;
    const ahead = limits.QR_CLOCK_AHEAD_MINUTES * MINUTE_MS;
    if (back > 0 && started < context.receivedAt - back) return false;
    if (ahead > 0 && completed > context.receivedAt + ahead) return false;
    return true;
  }
  const slack = limits.INTERVIEW_CLOCK_SLACK_MINUTES * MINUTE_MS;
  return started >= context.publishedAt - slack && completed <= context.receivedAt + slack;
}
