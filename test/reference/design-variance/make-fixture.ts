/**
 * The fixture for the external reference of the design-based variance of rates (docs/design.md §7):
 * a small resident hierarchy and a few hundred resident responses, generated deterministically,
 * plus the per-respondent counts (a_i counted answers, y_i positive answers) that R's `survey`
 * package turns into reference.json (see README.md beside this file).
 *
 * The counts come from the server's own classification (countsOfResponse over the metric questions
 * of each response's survey version, both made from surveys/resident.json), so a change to the classifier or the survey changes respondents.csv,
 * and test/server/rates-design-reference.test.ts notices.
 *
 * Run: `npx tsx test/reference/design-variance/make-fixture.ts` (writes fixture.json and
 * respondents.csv beside this file).
 */
import { writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { METRICS } from "../../../surveys/metrics";
import { shippedSurveys } from "../../../surveys/index";
import { extractMetricQuestions } from "../../../server/services/rates/metric-definitions";
import { countsOfResponse } from "../../../server/services/rollups/rollup-counts";
import { generateAnswers, type Rng, seededRng } from "../../helpers/answer-generator";

export const FIXTURE_DIR = dirname(fileURLToPath(import.meta.url));
export const SURVEY_ID = "resident";
const SEED = 20261120;

export interface FixtureUnit {
  code: string;
  name: string;
  kind: "district" | "subdistrict" | "community";
  parentCode: string;
  /** The resident population N used for the finite-population correction; null when unknown. */
  population: number | null;
}

/**
 * The survey versions the responses are answered on. Version 1 is surveys/resident.json as
 * shipped, where every metric question is required and nothing is `excluded`, so every counted
 * respondent has the same a_i (4, 2, 4, 10). Version 2 is the same file with 不清楚（不读出）
 * (`unknown`) excluded from the denominator wherever it is offered (the example of docs/design.md
 * §5): its respondents have differing a_i for satisfaction, which a ratio estimator must handle.
 * Survey versions are published at start-up (publishSurveys), so the test publishes version 2 that
 * way; answers are classified by their own version, as the server does.
 */
export function surveyVersions(): { version: number; json: Record<string, unknown> }[] {
  const shipped = shippedSurveys.find((s) => s.id === SURVEY_ID);
  if (!shipped) throw new Error(`no survey ${SURVEY_ID}`);
  const v2 = structuredClone(shipped.json) as { pages?: Element[] };
  const visit = (elements: Element[] | undefined) => {
    for (const el of elements ?? []) {
      if (el.metric && el.choices?.some((c) => (typeof c === "object" ? c.value : c) === "unknown")) el.excluded = ["unknown"];
      visit(el.elements);
    }
  };
  for (const page of v2.pages ?? []) visit(page.elements);
  return [
    { version: 1, json: shipped.json },
    { version: 2, json: v2 as Record<string, unknown> },
  ];
}

interface Element {
  metric?: string;
  choices?: (string | { value: unknown })[];
  excluded?: unknown[];
  elements?: Element[];
}

/** Share of responses answered on version 2. */
const VERSION_2_SHARE = 0.6;

/** A body for POST /api/v1/responses (channel interview, sent with an admin session). */
export interface FixtureResponse {
  id: string;
  surveyId: string;
  surveyVersion: number;
  channel: "interview";
  unitCode: string;
  answers: Record<string, unknown>;
  startedAt: string;
  completedAt: string;
  deviceId: string;
}

export interface Fixture {
  /** Hung under the demo city root (500000000000), which every fresh test database has. */
  rootParent: string;
  /** What each survey version the responses name is (surveyVersions() builds them). */
  surveys: Record<string, string>;
  units: FixtureUnit[];
  responses: FixtureResponse[];
}

/**
 * Per community: how many eligible respondents (who answer every metric) and ineligible ones
 * (screened out on the first page: no metric answers, so not counted), the base chance of being
 * nudged to a positive answer, and the population. Chosen to cover the cases of §7:
 * - 500199001001: N = 3·n, so the fpc (1 - n/N = 2/3) matters;
 * - 500199001002: a large N, a small fpc;
 * - 500199002001: no population, so no fpc even with an audience;
 * - 500199002002: N = n exactly: §7 applies the fpc only when N > n;
 * - 500199003001: three respondents who answer every metric positively: r = 1, variance 0, nEff = n;
 * - 500199003002: one counted respondent: variance null;
 * - 500199003003: nobody at all.
 * Subdistricts and the district carry their own N: 500199001000 the sum of its communities,
 * 500199002000 none, 500199003000 one smaller than its n (so no fpc), the district one that matters.
 */
const COMMUNITIES: { code: string; name: string; eligible: number; ineligible: number; bias: number | "all"; population: number | null }[] =
  [
    { code: "500199001001", name: "参照一社区", eligible: 80, ineligible: 12, bias: 0.35, population: 240 },
    { code: "500199001002", name: "参照二社区", eligible: 60, ineligible: 9, bias: 0.55, population: 5000 },
    { code: "500199002001", name: "参照三社区", eligible: 70, ineligible: 10, bias: 0.2, population: null },
    { code: "500199002002", name: "参照四社区", eligible: 50, ineligible: 8, bias: 0.7, population: 50 },
    { code: "500199003001", name: "参照五社区", eligible: 3, ineligible: 1, bias: "all", population: 400 },
    { code: "500199003002", name: "参照六社区", eligible: 1, ineligible: 2, bias: 0.5, population: 300 },
    { code: "500199003003", name: "参照七社区", eligible: 0, ineligible: 0, bias: 0.5, population: 200 },
  ];

const DISTRICT = { code: "500199000000", name: "参照区", population: 1000 };
const SUBDISTRICTS = [
  { code: "500199001000", name: "参照一街道", population: 5240 },
  { code: "500199002000", name: "参照二街道", population: null },
  { code: "500199003000", name: "参照三街道", population: 3 },
];

/** A version-4 UUID from the seeded generator, so response ids (and respondent ids) are stable. */
function seededUuid(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng() * 16).toString(16));
  hex[12] = "4";
  hex[16] = "89ab"[Math.floor(rng() * 4)]!;
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** An answer set counts for the metrics iff it passes the eligibility screen. */
const isEligible = (answers: Record<string, unknown>) => "knows_campaign" in answers;

export function buildFixture(): Fixture {
  const rng = seededRng(SEED);
  const versions = surveyVersions();
  const units: FixtureUnit[] = [
    { code: DISTRICT.code, name: DISTRICT.name, kind: "district", parentCode: "500000000000", population: DISTRICT.population },
    ...SUBDISTRICTS.map((s) => ({ ...s, kind: "subdistrict" as const, parentCode: DISTRICT.code })),
    ...COMMUNITIES.map((c) => ({
      code: c.code,
      name: c.name,
      kind: "community" as const,
      parentCode: `${c.code.slice(0, 9)}000`,
      population: c.population,
    })),
  ];
  const responses: FixtureResponse[] = [];
  const dayStart = Date.parse("2026-11-02T00:00:00Z");
  for (const c of COMMUNITIES) {
    let eligible = 0;
    let ineligible = 0;
    while (eligible < c.eligible || ineligible < c.ineligible) {
      // Each respondent leans positive by their own amount around the community's: answers within a
      // respondent are correlated, which is what makes the design effect differ from 1.
      const bias = c.bias === "all" ? 1 : Math.min(1, Math.max(0, c.bias + (rng() - 0.5) * 0.6));
      const version = versions[rng() < VERSION_2_SHARE ? 1 : 0]!;
      const answers = generateAnswers(version.json, seededRng(Math.floor(rng() * 2 ** 31)), { positiveBias: bias });
      const ok = isEligible(answers);
      if (ok ? eligible >= c.eligible : ineligible >= c.ineligible) continue;
      if (ok) eligible++;
      else ineligible++;
      const completed = dayStart + Math.floor(rng() * 26 * 86_400_000);
      const started = completed - (5 + Math.floor(rng() * 20)) * 60_000;
      const id = seededUuid(rng);
      responses.push({
        id,
        surveyId: SURVEY_ID,
        surveyVersion: version.version,
        channel: "interview",
        unitCode: c.code,
        answers,
        startedAt: new Date(started).toISOString(),
        completedAt: new Date(completed).toISOString(),
        deviceId: `ref-tablet-${c.code.slice(-4)}`,
      });
    }
  }
  const surveys = {
    "1": "surveys/resident.json as shipped",
    "2": 'surveys/resident.json with excluded ["unknown"] on every metric question offering "unknown", published by the test',
  };
  return { rootParent: "500000000000", surveys, units, responses };
}

/** The units whose subtree holds `leaf` (itself and its ancestors within the fixture). */
function chainOf(units: readonly FixtureUnit[], leaf: string): FixtureUnit[] {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const out: FixtureUnit[] = [];
  for (let u = byCode.get(leaf); u; u = byCode.get(u.parentCode)) out.push(u);
  return out;
}

export const CSV_HEADER = "unit_code,metric,respondent_id,a,y,N";

/**
 * One row per counted respondent of a metric per fixture unit in whose subtree it lies: a = its
 * counted answers, y = its positive ones, N = the unit's population (empty when it has none).
 * Rows ordered by unit (fixture order), metric (METRICS order), then response order.
 */
export function respondentsCsv(fixture: Fixture): string {
  const questions = new Map(surveyVersions().map((v) => [v.version, extractMetricQuestions(v.json)]));
  const rows = new Map<string, string[]>();
  for (const r of fixture.responses) {
    const counts = countsOfResponse(questions.get(r.surveyVersion)!, r.answers);
    for (const unit of chainOf(fixture.units, r.unitCode)) {
      for (const metric of METRICS) {
        const m = counts.m[metric];
        if (m?.[0] !== 1) continue;
        const key = `${unit.code}|${metric}`;
        const list = rows.get(key) ?? [];
        list.push(`${unit.code},${metric},${r.id},${m[1]},${m[2]},${unit.population ?? ""}`);
        rows.set(key, list);
      }
    }
  }
  const lines = [CSV_HEADER];
  for (const unit of fixture.units) for (const metric of METRICS) lines.push(...(rows.get(`${unit.code}|${metric}`) ?? []));
  return `${lines.join("\n")}\n`;
}

/** The hierarchy as the admin unit import reads it (POST /api/v1/units/import). */
export function unitImportCsv(fixture: Fixture): string {
  const lines = ["code,name,kind,parent_code,households,population,target_n"];
  for (const u of fixture.units) lines.push(`${u.code},${u.name},${u.kind},${u.parentCode},,${u.population ?? ""},`);
  return `${lines.join("\n")}\n`;
}

/** fixture.json as committed: stable key order, two-space indent, trailing newline. */
export const fixtureText = (fixture: Fixture) => `${JSON.stringify(fixture, null, 2)}\n`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const fixture = buildFixture();
  writeFileSync(join(FIXTURE_DIR, "fixture.json"), fixtureText(fixture));
  writeFileSync(join(FIXTURE_DIR, "respondents.csv"), respondentsCsv(fixture));
  const counted = new Set(fixture.responses.filter((r) => isEligible(r.answers)).map((r) => r.id)).size;
  console.log(
    `${fixture.units.length} units, ${fixture.responses.length} responses (${counted} counted respondents) written to ${FIXTURE_DIR}`,
  );
}
