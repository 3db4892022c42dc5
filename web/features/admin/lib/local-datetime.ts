/**
 * Between ISO instants (the API) and `<input type="datetime-local">` values, which are the
 * browser's local wall time without a zone (the offices' browsers run on Beijing time).
 */
const pad = (n: number) => String(n).padStart(2, "0");

/** "2026-12-01T08:00" for an instant; "" for none. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The instant of a datetime-local value; null when empty. */
export function fromLocalInput(value: string): string | null {
  return value ? new Date(value).toISOString() : null;
}

/** An instant as offices read it: 2026/12/1 08:00:00. */
export const showInstant = (iso: string | null) => (iso ? new Date(iso).toLocaleString("zh-CN") : null);
