import type { Unit } from "./units";

/**
 * A unit's name as an address, from its lineage (root first): the city is implied and left out,
 * and so is a level the next one already names — a school called 大渡口区实验小学 under 大渡口区
 * reads "大渡口区实验小学", not "大渡口区 大渡口区实验小学" (which respondents took for a misprint).
 *
 * @example addressName([{name:"重庆市",kind:"city"},{name:"大渡口区",kind:"district"},{name:"新山村街道",kind:"subdistrict"}]) // "大渡口区 新山村街道"
 */
export function addressName(lineage: readonly Pick<Unit, "name" | "kind">[]): string {
  const parts = lineage.filter((u) => u.kind !== "city").map((u) => u.name);
  return parts.filter((name, i) => !(parts[i + 1]?.startsWith(name) ?? false)).join(" ");
}
