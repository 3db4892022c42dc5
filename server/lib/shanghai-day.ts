/** China has one time zone and no daylight saving: a Shanghai day is UTC shifted by 8 hours. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The first and last Shanghai days any stored record may be keyed by. Every day key is a real
 * calendar day with a four-digit year inside these, so keys sort as strings, month keys are their
 * first seven characters, and date arithmetic on them never meets year 0–99 (which `Date.UTC`
 * maps to 1900–1999) or a signed six-digit ISO year.
 */
export const FIRST_DAY = "2000-01-01";
export const LAST_DAY = "9999-12-31";
const FIRST_MS = Date.parse(`${FIRST_DAY}T00:00:00+08:00`);
const LAST_MS = Date.parse(`${LAST_DAY}T23:59:59.999+08:00`);

/** Whether an instant (epoch ms) has a Shanghai day between FIRST_DAY and LAST_DAY. */
export function hasValidDay(ms: number): boolean {
  return Number.isFinite(ms) && ms >= FIRST_MS && ms <= LAST_MS;
}

/**
 * The Asia/Shanghai calendar day (YYYY-MM-DD) of an instant. Callers check client times with
 * `hasValidDay` first; an instant outside that range here is a bug, not bad input.
 */
export function shanghaiDay(instant: Date | string): string {
  const ms = typeof instant === "string" ? Date.parse(instant) : instant.getTime();
  if (!hasValidDay(ms)) throw new RangeError(`no valid Shanghai day for instant ${String(instant)}`);
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
