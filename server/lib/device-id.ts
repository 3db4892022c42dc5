/** Control (Cc), format (Cf: zero-width space and joiners, BOM, bidi marks, soft hyphen) and line/paragraph separators. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
/** A UTF-16 surrogate without its partner: not a character, and not storable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The one form of a device id that the same-device check and storage use (issue 11, hole 9):
 * `RACE-DEV-3`, `race-dev-3\u200b` and fullwidth `ｒace-dev-3` are one device. NFKC folds width
 * and compatibility forms, invisible characters are dropped, case is folded, spaces trimmed.
 * Our own pages send lower-case UUIDs, which this leaves unchanged.
 *
 * @example normalizeDeviceId(" ＲＡＣＥ-dev-3\u200b") // "race-dev-3"
 */
export function normalizeDeviceId(raw: string): string {
  return raw.normalize("NFKC").replace(INVISIBLE, "").toLowerCase().normalize("NFKC").trim();
}

export function hasLoneSurrogate(s: string): boolean {
  return LONE_SURROGATE.test(s);
}
