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
