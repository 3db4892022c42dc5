import { AGE_BAND_QUESTION } from "../rollups/rollup-counts";
import type { SurveyRegistry } from "./survey-registry";

/** The survey whose respondents are weighted to census age shares (its id is its audience). */
export const RESIDENT_SURVEY = "resident";

interface JsonElement {
  name?: string;
  choices?: unknown[];
  elements?: JsonElement[];
  templateElements?: JsonElement[];
}

/** The choice values of the `age_band` question in one survey JSON, as the answers store them. */
export function ageBandsOf(json: Record<string, unknown>): string[] {
  const out: string[] = [];
  const visit = (elements: JsonElement[] | undefined) => {
    for (const el of elements ?? []) {
      if (el.name === AGE_BAND_QUESTION && Array.isArray(el.choices)) {
        for (const c of el.choices) {
          const value = c !== null && typeof c === "object" ? (c as { value?: unknown }).value : c;
          if (value !== undefined && value !== null) out.push(String(value));
        }
      }
      visit(el.elements);
      visit(el.templateElements);
    }
  };
  visit((json.pages as { elements?: JsonElement[] }[] | undefined)?.flatMap((p) => p.elements ?? []));
  visit(json.elements as JsonElement[] | undefined);
  return out;
}

/**
 * Every `age_band` value any published version of the resident survey defines, newest version's
 * order first: shares are keyed by the stored value, and responses of older versions keep theirs.
 */
export async function residentAgeBands(registry: SurveyRegistry): Promise<string[]> {
  const bands: string[] = [];
  const current = await registry.getCurrent(RESIDENT_SURVEY);
  for (let v = current?.version ?? 0; v >= 1; v--) {
    const survey = v === current?.version ? current : await registry.get(RESIDENT_SURVEY, v);
    for (const band of survey ? ageBandsOf(survey.json) : []) if (!bands.includes(band)) bands.push(band);
  }
  return bands;
}
