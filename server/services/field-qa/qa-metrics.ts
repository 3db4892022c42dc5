/**
 * The pure parts of the interviewer QA table (issue 16 part 6), apart from the reads so they can
 * be checked against hand-computed cases: medians, the speeding rule, matrix straight-lining and
 * the distance from a unit's centre.
 */

/** The median of a list (mean of the middle two for an even count), null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Speeding: an interview shorter than a third of the median duration of all interviews of the same
 * questionnaire in the table (same unit subtree, same days). A third, not a fixed time, because the
 * questionnaires differ in length and a skip pattern can halve one legitimately.
 */
export const SPEEDING_FRACTION = 1 / 3;
export const isSpeeding = (durationMs: number, surveyMedianMs: number | null) =>
  surveyMedianMs !== null && durationMs < surveyMedianMs * SPEEDING_FRACTION;

/**
 * A matrix answer ({row: column}) with at least `min` rows that all carry the same column. The
 * single-choice groups (questions sharing one choice list) are judged by the ingest's own rule
 * (ingest/quality-flags.ts) so the QR flag and the QA table mean the same thing.
 */
export function straightMatrix(answers: Record<string, unknown>, matrixNames: readonly string[], min: number): boolean {
  for (const name of matrixNames) {
    const value = answers[name];
    if (!value || typeof value !== "object" || Array.isArray(value)) continue;
    const cells = Object.values(value as Record<string, unknown>).map((v) => JSON.stringify(v));
    if (cells.length >= min && cells.every((c) => c === cells[0])) return true;
  }
  return false;
}

/** Names of the `matrix` questions of a SurveyJS definition (panels included). */
export function matrixQuestions(json: Record<string, unknown>): string[] {
  const names: string[] = [];
  const visit = (elements: unknown) => {
    for (const el of (Array.isArray(elements) ? elements : []) as { type?: string; name?: string; elements?: unknown }[]) {
      if (el.elements) visit(el.elements);
      if (el.type === "matrix" && el.name) names.push(el.name);
    }
  };
  for (const page of (json.pages as { elements?: unknown }[] | undefined) ?? []) visit(page.elements);
  return names;
}

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres (haversine on the mean Earth radius: metres matter here, not millimetres). */
export function distanceM(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
