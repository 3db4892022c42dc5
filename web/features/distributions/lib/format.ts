export const pct = (v: number | null | undefined, digits = 1) => (v === null || v === undefined ? "—" : `${(v * 100).toFixed(digits)}%`);

/** A numeric summary figure: integers as they are, others to two decimals. */
export const num = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2));
