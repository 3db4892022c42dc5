/**
 * The four campaign metrics, in display order. A pure constant (no survey-core), so the web
 * app's dashboard and admin pages can import it without pulling the SurveyJS runtime; the
 * custom properties (./properties.ts) and the server's contracts read the same list.
 */
export const METRICS = ["awareness", "support", "participation", "satisfaction"] as const;
export type Metric = (typeof METRICS)[number];
