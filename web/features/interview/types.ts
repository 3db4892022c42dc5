export type Role = "admin" | "office" | "interviewer";

export interface InterviewUser {
  username: string;
  role: Role;
  scope: string;
}

/** GET /api/v1/units/:code (DESIGN.md §4). */
export interface UnitNode {
  code: string;
  name: string;
  kind: string;
  parentCode: string | null;
  children: { code: string; name: string; kind: string }[];
}

/** GET /api/v1/surveys item. */
export interface SurveySummary {
  id: string;
  version: number;
  audience: string;
  title: string;
}

export interface SurveyDefinition extends SurveySummary {
  json: Record<string, unknown>;
}

/** Where an interviewer is working now: a leaf unit and a questionnaire; kept per user. */
export interface WorkArea {
  unitCode: string;
  unitName: string;
  unitKind: string;
  survey: SurveySummary;
}

export const LEAF_KINDS = ["community", "school"];
