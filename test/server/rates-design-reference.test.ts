/**
 * The design-based variance and effective sample size of /api/v1/rates (docs/design.md §7) against
 * an external reference: R's `survey` package (svydesign with each respondent a cluster, svyratio)
 * on the per-respondent counts of a committed fixture (test/reference/design-variance/README.md).
 *
 * The fixture goes in through the real HTTP paths: the admin unit import, then one
 * POST /api/v1/responses per response (interviews under an admin session). Version 2 of the
 * resident survey, which excludes 不清楚 and so gives respondents differing a_i, is published the way
 * every survey version is, at start-up (publishSurveys).
 *
 * Tolerance: relative 1e-9 (|got - want| <= 1e-9 · |want|), with an absolute floor of 1e-15 for
 * the exact zeros (r = 1). The variances here are 1e-4 to 1e-2, so an absolute 1e-9 would let a
 * relative error of 1e-5 pass; relative 1e-9 is far tighter than any real mistake (a wrong n/(n-1)
 * or fpc is 1e-3 or more) and far looser than the rounding the server may accumulate in
 * Σy² - 2rΣay + r²Σa² from integer sums (R itself is within 6e-15 of the closed form, see
 * reference.json's maxRelDiffFromClosedForm). nEff is checked the same way; rate too.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { METRICS } from "../../surveys/metrics";
import { publishSurveys } from "../../server/services/surveys/surveys";
import {
  buildFixture,
  FIXTURE_DIR,
  type Fixture,
  fixtureText,
  respondentsCsv,
  SURVEY_ID,
  surveyVersions,
  unitImportCsv,
} from "../reference/design-variance/make-fixture";
import { createTestApp, manualClock, type TestApp } from "../helpers/test-app";

interface RefEstimate {
  unit: string;
  metric: string;
  n: number;
  N: number | null;
  fpcApplied: boolean;
  rate: number;
  variance: number;
  varianceNoFpc: number;
  nEff: number;
  nEffNoFpc: number;
}
interface Reference {
  R: string;
  survey: string;
  estimates: RefEstimate[];
  tooFew: { unit: string; metric: string; n: number }[];
}

const read = (name: string) => readFileSync(join(FIXTURE_DIR, name), "utf8");
const fixture = JSON.parse(read("fixture.json")) as Fixture;
const reference = JSON.parse(read("reference.json")) as Reference;
const committedCsv = read("respondents.csv");

const key = (unit: string, metric: string) => `${unit}|${metric}`;
const estimates = new Map(reference.estimates.map((e) => [key(e.unit, e.metric), e]));

/** Per (unit, metric) of respondents.csv: n, Σa, Σy. */
function csvGroups(text: string) {
  const groups = new Map<string, { n: number; a: number; y: number }>();
  const [header, ...lines] = text.trimEnd().split("\n");
  expect(header).toBe("unit_code,metric,respondent_id,a,y,N");
  for (const line of lines) {
    const [unit, metric, , a, y] = line.split(",");
    const g = groups.get(key(unit!, metric!)) ?? { n: 0, a: 0, y: 0 };
    g.n++;
    g.a += Number(a);
    g.y += Number(y);
    groups.set(key(unit!, metric!), g);
  }
  return groups;
}
const groups = csvGroups(committedCsv);

const RELATIVE = 1e-9;
const FLOOR = 1e-15;
function expectClose(got: unknown, want: number, what: string) {
  expect(typeof got, `${what}: a number`).toBe("number");
  const diff = Math.abs((got as number) - want);
  expect(diff <= RELATIVE * Math.abs(want) || diff <= FLOOR, `${what}: got ${got}, R says ${want} (|diff| ${diff})`).toBe(true);
}

interface MetricBody {
  respondents: number;
  answers: number;
  positive: number;
  rate: number | null;
  variance?: number | null;
  nEff?: number | null;
}
interface RatesBody {
  unit: { code: string };
  metrics: Record<string, MetricBody>;
  children: { unit: { code: string }; metrics: Record<string, MetricBody> }[];
}

let t: TestApp;
let admin: string;
/** Per unit: the rates body for audience=resident (fpc) and without audience (no fpc). */
const bodies = new Map<string, { fpc: RatesBody; plain: RatesBody }>();

beforeAll(async () => {
  // Published before every fixture answer (2026-11-02 on), received after the last (2026-11-28).
  const clock = manualClock(new Date("2026-10-15T00:00:00Z"));
  t = await createTestApp({ clock });
  const v2 = surveyVersions().find((v) => v.version === 2)!;
  const published = await publishSurveys(t.db, [{ id: SURVEY_ID, json: v2.json }], new Date("2026-10-20T00:00:00Z"));
  expect(published.map((p) => [p.surveyId, p.version])).toEqual([[SURVEY_ID, 2]]);
  clock.set(new Date("2026-12-01T00:00:00Z"));
  admin = await t.login();

  const imported = await t.request("/api/v1/units/import", {
    method: "POST",
    body: unitImportCsv(fixture),
    cookie: admin,
    headers: { "content-type": "text/csv" },
  });
  expect(imported.status, await imported.clone().text()).toBe(200);
  expect(await imported.json()).toMatchObject({ added: fixture.units.length, changed: 0 });

  for (const r of fixture.responses) {
    const res = await t.request("/api/v1/responses", { method: "POST", json: r, cookie: admin });
    expect(res.status, `${r.id}: ${await res.clone().text()}`).toBe(201);
  }

  for (const u of fixture.units) {
    const get = async (query: string) => {
      const res = await t.request(`/api/v1/rates?unit=${u.code}${query}`, { cookie: admin });
      expect(res.status, await res.clone().text()).toBe(200);
      return (await res.json()) as RatesBody;
    };
    bodies.set(u.code, { fpc: await get(`&audience=${SURVEY_ID}`), plain: await get("") });
  }
}, 180_000);

afterAll(() => t?.close());

/** Every metric object the rates answers hold for a unit: its own, and as a child of its parent. */
function metricObjects(code: string, variant: "fpc" | "plain"): { where: string; m: Record<string, MetricBody> }[] {
  const own = bodies.get(code)![variant];
  const out = [{ where: `${code} (${variant})`, m: own.metrics }];
  const parent = fixture.units.find((u) => u.code === code)!.parentCode;
  const child = bodies.get(parent)?.[variant].children.find((c) => c.unit.code === code);
  if (bodies.has(parent)) {
    expect(child, `${code} among the children of ${parent}`).toBeDefined();
    out.push({ where: `${code} as a child of ${parent} (${variant})`, m: child!.metrics });
  }
  return out;
}

describe("design-based variance of rates against R's survey package (docs/design.md §7)", () => {
  it("respondents.csv and fixture.json are what make-fixture.ts produces now, and reference.json was made from that csv", () => {
    const now = buildFixture();
    expect(fixtureText(now) === read("fixture.json"), "fixture.json is stale: rerun make-fixture.ts (README.md)").toBe(true);
    expect(respondentsCsv(now) === committedCsv, "respondents.csv is stale: rerun make-fixture.ts and reference.R (README.md)").toBe(true);
    // reference.json holds every group of the csv with its n and ratio (else reference.R was not rerun).
    for (const [k, g] of groups) {
      if (g.n < 2) {
        expect(
          reference.tooFew.some((f) => key(f.unit, f.metric) === k && f.n === g.n),
          k,
        ).toBe(true);
        continue;
      }
      const e = estimates.get(k);
      expect(e?.n, k).toBe(g.n);
      expectClose(e!.rate, g.y / g.a, `${k} ratio`);
    }
    expect(reference.estimates.length + reference.tooFew.length).toBe(groups.size);
  }, 120_000);

  it("loads the fixture: every response counted, and n and rate equal R's", async () => {
    const flagged = await t.client.execute("select count(*) as n from responses where flagged = 1");
    expect(Number(flagged.rows[0]!.n)).toBe(0);
    const stored = await t.client.execute("select survey_version as v, count(*) as n from responses group by 1 order by 1");
    expect(stored.rows.map((r) => [Number(r.v), Number(r.n)])).toEqual(
      [1, 2].map((v) => [v, fixture.responses.filter((r) => r.surveyVersion === v).length]),
    );
    let checked = 0;
    for (const u of fixture.units) {
      for (const variant of ["fpc", "plain"] as const) {
        for (const { where, m } of metricObjects(u.code, variant)) {
          for (const metric of METRICS) {
            const g = groups.get(key(u.code, metric));
            const got = m[metric]!;
            expect(got.respondents, `${where} ${metric} respondents`).toBe(g?.n ?? 0);
            expect(got.answers, `${where} ${metric} answers`).toBe(g?.a ?? 0);
            expect(got.positive, `${where} ${metric} positive`).toBe(g?.y ?? 0);
            const e = estimates.get(key(u.code, metric));
            if (e) {
              expectClose(got.rate, e.rate, `${where} ${metric} rate`);
              checked++;
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  for (const variant of ["fpc", "plain"] as const) {
    const label = variant === "fpc" ? "audience=resident: with the fpc where N > n" : "no audience: no fpc";
    it(`variance and nEff equal R's svyratio (${label})`, () => {
      let checked = 0;
      for (const u of fixture.units) {
        for (const { where, m } of metricObjects(u.code, variant)) {
          for (const metric of METRICS) {
            const e = estimates.get(key(u.code, metric));
            if (!e) continue;
            const got = m[metric]!;
            expect(got, `${where} ${metric}: variance and nEff present`).toHaveProperty("variance");
            expect(got).toHaveProperty("nEff");
            expectClose(got.variance, variant === "fpc" ? e.variance : e.varianceNoFpc, `${where} ${metric} variance`);
            expectClose(got.nEff, variant === "fpc" ? e.nEff : e.nEffNoFpc, `${where} ${metric} nEff`);
            checked++;
          }
        }
      }
      // 36 (unit, metric) estimates, each as the unit itself and (all but the district) as a child.
      expect(checked).toBe(reference.estimates.length * 2 - METRICS.length);
    });
  }

  it("has no variance when n < 2, and nEff = n then", () => {
    const few = fixture.units.filter((u) => METRICS.every((metric) => (groups.get(key(u.code, metric))?.n ?? 0) < 2));
    // 500199003002 has one counted respondent, 500199003003 none.
    expect(few.map((u) => u.code)).toEqual(["500199003002", "500199003003"]);
    for (const u of few) {
      for (const variant of ["fpc", "plain"] as const) {
        for (const { where, m } of metricObjects(u.code, variant)) {
          for (const metric of METRICS) {
            const n = groups.get(key(u.code, metric))?.n ?? 0;
            expect(m[metric]!.respondents).toBe(n);
            expect(m[metric], `${where} ${metric}: variance present`).toHaveProperty("variance");
            expect(m[metric]!.variance, `${where} ${metric} variance`).toBeNull();
            expect(m[metric]!.nEff, `${where} ${metric} nEff`).toBe(n);
          }
        }
      }
    }
  });

  it("covers the cases of §7: fpc applied, N = n, N < n, no N, r = 1 with variance 0", () => {
    const e = (unit: string, metric = "awareness") => estimates.get(key(unit, metric))!;
    expect(e("500199001001").fpcApplied).toBe(true); // N = 3n
    expect(e("500199001001").variance / e("500199001001").varianceNoFpc).toBeCloseTo(2 / 3, 12);
    expect(e("500199002002").N).toBe(e("500199002002").n); // N = n: no fpc
    expect(e("500199002002").fpcApplied).toBe(false);
    expect(e("500199003000").fpcApplied).toBe(false); // N < n
    expect(e("500199002001").N).toBeNull();
    expect([e("500199003001").rate, e("500199003001").variance, e("500199003001").nEff]).toEqual([1, 0, 3]);
    // Respondents with differing a_i (version 2 excludes 不清楚 from satisfaction).
    const aOf = new Set(
      committedCsv
        .split("\n")
        .filter((l) => l.includes(",satisfaction,"))
        .map((l) => l.split(",")[3]),
    );
    expect(aOf.size).toBeGreaterThan(3);
    const inside = reference.estimates.filter((x) => x.rate > 0 && x.rate < 1);
    expect(inside.length).toBeGreaterThan(reference.estimates.length * 0.75);
  });
});
