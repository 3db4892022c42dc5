/**
 * Unit kinds of the area hierarchy (docs/design.md §4) as pure constants, so the web app can use them
 * at runtime without zod. Leaves are where responses are collected: communities and schools.
 */
export const UNIT_KINDS = ["city", "district", "subdistrict", "community", "school_zone", "school"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const LEAF_KINDS: readonly UnitKind[] = ["community", "school"];

/** Whether a unit of this kind collects responses (posters and interviews point at leaves). */
export const isLeafKind = (kind: string): boolean => LEAF_KINDS.some((k) => k === kind);
