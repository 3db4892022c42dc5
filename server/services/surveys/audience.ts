import type { UnitKind } from "../units/units";

/**
 * Which leaf a questionnaire's answers can belong to: parents answer for a school, residents and
 * shopkeepers for a community (docs/domain.md). Keeps a parent poster off a street corner by mistake.
 */
export function audienceFitsUnit(audience: string, kind: UnitKind): boolean {
  if (audience === "parent") return kind === "school";
  return kind === "community";
}

export const AUDIENCE_UNIT_HINT: Record<string, string> = {
  parent: "家长问卷只能用于学校",
  resident: "居民问卷只能用于社区",
  shopkeeper: "商户问卷只能用于社区",
};

/**
 * Whether a unit of this kind can hold answers of the audience anywhere in its subtree: schools
 * and school zones only parents', subdistricts and communities only residents' and shopkeepers';
 * a district or city holds both. No audience: every kind. Lets a dashboard filtered to 居民 leave
 * schools out instead of listing them all as 0 / 样本不足.
 */
export function kindHoldsAudience(kind: UnitKind, audience: string | undefined): boolean {
  if (!audience) return true;
  if (kind === "school" || kind === "school_zone") return audience === "parent";
  if (kind === "subdistrict" || kind === "community") return audience !== "parent";
  return true;
}
