/**
 * Starting points for a survey made in the editor (issue 17) besides the shipped ones: static
 * imports, so the Worker bundle carries them as it carries surveys/*.json.
 */
import parentWinter from "./parent-winter.json";

export interface SurveyTemplate {
  id: string;
  json: Record<string, unknown>;
}

export const extraTemplates: SurveyTemplate[] = [{ id: "parent-winter", json: parentWinter as Record<string, unknown> }];
