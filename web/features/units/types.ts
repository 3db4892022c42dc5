/** GET /api/v1/units/:code (DESIGN.md §4). */
export type UnitKind = "city" | "district" | "subdistrict" | "community" | "school_zone" | "school";

export interface UnitSummary {
  code: string;
  name: string;
  kind: UnitKind;
}

export interface UnitDetail extends UnitSummary {
  parentCode: string | null;
  children: UnitSummary[];
}
