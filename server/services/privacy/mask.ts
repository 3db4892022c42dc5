import { coarseCoordinate, PSEUDONYM_PREFIX } from "./pseudonym";

/**
 * How personal data looks once masked (issue 19, PIPL minimisation): what a caller without the
 * personal-data permission sees in every export, list and API answer. Pure functions, so the
 * exports, the comments, the review lists and any later visit list mask the same way.
 */

/** What stands for the hidden part of a value. */
export const MASK = "****";

/**
 * Resident identity numbers: 18 digits (the last may be X) or the old 15 digits. The first six
 * (the issuing region) and the last four (three for 15 digits) stay, the birth date goes.
 * Only digits on either side make it part of something longer: "ID500104…" is still an id.
 */
const ID_18 = /(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?![\dXx])/g;
const ID_15 = /(?<!\d)(\d{6})\d{6}(\d{3})(?![\dXx])/g;

/**
 * Mainland mobile numbers, 1[3-9] and nine more digits, as people type them: optionally after
 * +86 / 86, in groups split by spaces or hyphens (138 0013 8000, 138-0013-8000).
 */
const MOBILE = /(?<!\d)((?:\+|00)?86[\s-]?)?(1[3-9]\d)[\s-]?\d{4}[\s-]?(\d{4})(?!\d)/g;

/**
 * Landlines with their area code (010, 023, 0831 …): 7 or 8 local digits, optionally split, the
 * area code optionally in brackets. The area code and the last four digits stay.
 */
const LANDLINE = /(?<!\d)(\(?0\d{2,3}\)?)([\s-]?)\d{3,4}[\s-]?(\d{4})(?!\d)/g;

/**
 * Free text with every phone number and identity number in it masked; everything else as it was.
 *
 * @example maskText("我的电话13800138000") // "我的电话138****8000"
 * @example maskText("身份证500104199001011234") // "身份证500104********1234"
 */
export function maskText(text: string): string {
  return text
    .replace(ID_18, (_m, head: string, tail: string) => `${head}********${tail}`)
    .replace(ID_15, (_m, head: string, tail: string) => `${head}******${tail}`)
    .replace(MOBILE, (_m, prefix: string | undefined, head: string, tail: string) => `${prefix ?? ""}${head}${MASK}${tail}`)
    .replace(LANDLINE, (_m, area: string, sep: string, tail: string) => `${area}${sep || (area.endsWith(")") ? "" : "-")}${MASK}${tail}`);
}

/**
 * A household label with only its building kept: the first "number + 栋/幢/号楼/楼/座" (or the
 * first number of a 5-2-301 style label), then the mask. Whatever comes before it (a community
 * or a person's name) and after it (unit, floor, door) is dropped. A pseudonym is already
 * anonymous and stays as it is.
 *
 * @example maskHousehold("3栋2单元401") // "3栋****"
 * @example maskHousehold("幸福小区12号楼3-201") // "12号楼****"
 * @example maskHousehold("5-2-301") // "5-****"
 * @example maskHousehold("张家") // "****"
 */
export function maskHousehold(label: string): string {
  if (label.startsWith(PSEUDONYM_PREFIX.household)) return label;
  const building = /[0-9A-Za-z一二三四五六七八九十百零〇]+\s*(?:号楼|栋|幢|座|楼)/.exec(label);
  if (building) return `${building[0].replace(/\s+/g, "")}${MASK}`;
  const dashed = /^\s*(\d+)\s*[-－—]/.exec(label);
  if (dashed) return `${dashed[1]}-${MASK}`;
  return MASK;
}

export interface Coordinates {
  latitude: number | null;
  longitude: number | null;
  accuracyM?: number | null;
}

/**
 * A position kept only to about 1 km (the one coarse rule, pseudonym.ts's coarseCoordinate),
 * enough to see that a visit was in the right community, not which door; its accuracy is dropped
 * because it would say how precise the original was.
 */
export function maskCoordinates<T extends Coordinates>(position: T): T {
  return {
    ...position,
    latitude: coarseCoordinate(position.latitude),
    longitude: coarseCoordinate(position.longitude),
    ...("accuracyM" in position ? { accuracyM: null } : {}),
  };
}

/**
 * An answer value with every string in it masked (maskText), however deep (multiple choice lists,
 * matrices, panels). A number masks too when its digits are a phone or identity number (a
 * number box someone typed a phone into): it becomes the masked string.
 */
export function maskAnswerValue(value: unknown): unknown {
  if (typeof value === "string") return maskText(value);
  if (typeof value === "number") {
    const digits = String(value);
    const masked = maskText(digits);
    return masked === digits ? value : masked;
  }
  if (Array.isArray(value)) return value.map(maskAnswerValue);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskAnswerValue(v)]));
  }
  return value;
}

/**
 * A stored JSON state (an audit entry's before / after) with the personal fields it may carry
 * masked by their key, however deep: `household` as maskHousehold, `latitude` / `longitude` to the
 * coarse value, `accuracyM` dropped. The rest is the log's own and stays readable.
 */
export function maskPersonalFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskPersonalFields);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => {
      if (key === "household" && typeof v === "string") return [key, maskHousehold(v)];
      if ((key === "latitude" || key === "longitude") && typeof v === "number") return [key, coarseCoordinate(v)];
      if (key === "accuracyM" && typeof v === "number") return [key, null];
      return [key, maskPersonalFields(v)];
    }),
  );
}
