/**
 * Dashboard bench (docs/benchmarks.md, "Dashboard"): N responses over ~2,300 units, then the
 * median server time of GET /api/v1/rates for one district (with children) and the whole city,
 * against the same numbers from a GROUP BY over the raw responses, in the same run; then the
 * §7 reads built on the same rollups: GET /api/v1/rates/ranking (a district's subdistricts, the
 * city's districts), /rates for residents only, and the same once census age shares are set
 * (every resident read then carries the age-weighted rate).
 *
 *   npm run bench:rates                 # 100k and 1M responses
 *   BENCH_SIZES=100000 npm run bench:rates
 *   BENCH_KEEP=/tmp/cw-rates npm run bench:rates   # keep the seeded files; later runs only measure
 *   BENCH_PROVINCE=1 BENCH_SIZES=250000,1000000 npm run bench:rates   # 50,251 units (below)
 *
 * Province mode (issue 18): one root over 50 districts x 20 subdistricts x 49 communities (+ 4
 * schools per district), 50,251 units. Only the checked district's responses are stored as raw
 * rows (the raw GROUP BY is run for it alone). The rollups are written by the direct seeder
 * (bench/lib/province-seed.ts: month rows for every unit, day rows for the checked district only,
 * its month rows checked against planRollups), which reaches 10M responses in minutes;
 * BENCH_DIRECT=0 writes every response through applyRollups instead (~120 responses/s at this
 * many leaves). The reads are the same; a raw GROUP BY over the root is not run.
 *
 * Raw rows and rollups are written directly (not through HTTP) in large transactions; the
 * rollups by the same applyRollups the writer uses. Responses spread over 180 days, so month
 * rows cover six months.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { shippedSurveys } from "../surveys/index";
import { createApp } from "../server/app";
import { loadConfig } from "../server/config";
import { createDatabase, type Database } from "../server/db/client";
import { migrateDatabase } from "../server/db/migrate";
import { responses } from "../server/db/schema";
import { chunk } from "../server/lib/chunk";
import { bootstrapDatabase } from "../server/services/setup/bootstrap";
import { drizzleExecutor } from "../server/db/sql-executor";
import { applyRollups, type RollupInput } from "../server/services/rollups/rollups";
import { addUnits, type NewUnit } from "../server/services/units/units";
import { seedProvince } from "./lib/province-seed";
import { inProcessReader } from "./lib/admin-api";
import { report } from "./lib/report";

const SIZES = (process.env.BENCH_SIZES ?? "100000,1000000").split(",").map(Number);
const PROVINCE = process.env.BENCH_PROVINCE === "1";
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const DAYS = 180;
const CITY = "590000000000";
/** The eligible age bands of the resident questionnaire (stored values). */
const AGE_BANDS = ["18_29", "30_39", "40_49", "50_65"];

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 20 districts x 10 subdistricts x 10 communities + 4 schools per district: 2,301 units; in
 * province mode 50 x 20 x 49 + 4 schools per district: 50,251 units under one root.
 */
function hierarchy(): NewUnit[] {
  const [districts, subdistricts, communities] = PROVINCE ? [50, 20, 49] : [20, 10, 10];
  const list: NewUnit[] = [{ code: CITY, name: PROVINCE ? "基准省" : "基准市", kind: "city", parentCode: null }];
  for (let d = 10; d < 10 + districts; d++) {
    const dc = `59${d}00000000`;
    list.push({ code: dc, name: `区${d}`, kind: "district", parentCode: CITY });
    for (let s = 1; s <= subdistricts; s++) {
      const sc = `59${d}${String(s).padStart(3, "0")}000`.padEnd(12, "0");
      list.push({ code: sc, name: `街道${d}-${s}`, kind: "subdistrict", parentCode: dc });
      for (let c = 1; c <= communities; c++)
        list.push({
          code: `${sc.slice(0, 7)}${String(c).padStart(3, "0")}00`,
          name: `社区${d}-${s}-${c}`,
          kind: "community",
          parentCode: sc,
          targetN: 100,
        });
    }
    for (let k = 1; k <= 4; k++) list.push({ code: `59${d}S${k}`, name: `学校${d}-${k}`, kind: "school", parentCode: dc, targetN: 60 });
  }
  return list;
}

/** The district whose rates are checked against, and timed beside, a raw GROUP BY. */
const CHECKED_DISTRICT = "591000000000";

/** The shipped surveys' questions, and a generator of one response's answers for each. */
async function answerGenerator(db: Database) {
  const surveys = new Map(shippedSurveys.map((s) => [s.id, s]));
  const defs = new Map<string, RollupInput["metricQuestions"]>();
  const versions = await db.query.surveyVersions.findMany();
  const dists = new Map<string, RollupInput["distributionQuestions"]>();
  const { extractMetricQuestions } = await import("../server/services/rates/metric-definitions");
  const { extractDistributionQuestions } = await import("../server/services/distributions/distribution-questions");
  for (const v of versions) {
    defs.set(v.surveyId, extractMetricQuestions(JSON.parse(v.json)));
    dists.set(v.surveyId, extractDistributionQuestions(JSON.parse(v.json)));
  }
  const versionOf = new Map(versions.map((v) => [v.surveyId, v.version]));
  const choices = new Map<string, unknown[]>();
  for (const s of surveys.values()) {
    const walk = (els: any[] = []) =>
      els.forEach((e) => {
        if (e.metric)
          choices.set(
            `${s.id}|${e.name}`,
            e.type === "boolean" ? [true, false] : e.type === "rating" ? [1, 2, 3, 4, 5] : e.choices.map((c: any) => c.value ?? c),
          );
        walk(e.elements);
      });
    for (const p of (s.json as any).pages) walk(p.elements);
  }
  const makeAnswers = (surveyId: string, r: () => number) => {
    const answers: Record<string, unknown> = {};
    for (const q of defs.get(surveyId)!) {
      const opts = choices.get(`${surveyId}|${q.name}`)!;
      answers[q.name] = r() < 0.85 ? q.positive[0] : opts[Math.floor(r() * opts.length)];
    }
    // Residents give their age band, as the questionnaire asks: the rollups keep sums per band
    // (issue 13), so the packed counts are as large as in the field and weighting has strata.
    if (surveyId === "resident") answers.age_band = AGE_BANDS[Math.floor(r() * AGE_BANDS.length)];
    // The questions without a metric are answered too (issue 14): profiles, multiple choices,
    // the 1–5 overall score and numeric items, so the rollups' distributions are field-sized.
    for (const q of dists.get(surveyId)!) {
      if (q.name in answers) continue;
      if (q.kind === "numeric") answers[q.name] = 1 + Math.floor(r() * 6);
      else if (q.kind === "multi") answers[q.name] = q.choices.filter(() => r() < 0.3).map((c) => c.value);
      else answers[q.name] = q.choices[Math.floor(r() * q.choices.length)]!.value;
    }
    return answers;
  };
  return { defs, dists, versionOf, makeAnswers };
}

/**
 * Province mode: the rollup rows written directly (bench/lib/province-seed.ts), raw rows and day
 * rows for the checked district only.
 */
async function seedDirect(db: Database, client: ReturnType<typeof createClient>, n: number) {
  const { defs, dists, versionOf, makeAnswers } = await answerGenerator(db);
  const units = hierarchy();
  const districts = units
    .filter((u) => u.kind === "district")
    .map((d) => ({
      code: d.code,
      subdistricts: units
        .filter((s) => s.parentCode === d.code && s.kind === "subdistrict")
        .map((s) => ({ code: s.code, communities: units.filter((c) => c.parentCode === s.code).map((c) => c.code) })),
      schools: units.filter((s) => s.parentCode === d.code && s.kind === "school").map((s) => s.code),
    }));
  const survey = (id: string) => ({
    id,
    version: versionOf.get(id)!,
    metricQuestions: defs.get(id)!,
    distributionQuestions: dists.get(id)!,
  });
  return seedProvince(client, {
    n,
    rootCode: CITY,
    districts,
    surveys: { resident: survey("resident"), shopkeeper: survey("shopkeeper"), parent: survey("parent") },
    makeAnswers,
    checkedDistrict: CHECKED_DISTRICT,
    r: rng(42),
    days: DAYS,
    start: Date.parse("2026-09-01T00:00:00Z"),
  });
}

async function seed(db: Database, n: number) {
  const units = hierarchy();
  const communities = units.filter((u) => u.kind === "community").map((u) => u.code);
  const schools = units.filter((u) => u.kind === "school").map((u) => u.code);
  const { defs, dists, versionOf, makeAnswers } = await answerGenerator(db);
  const r = rng(42);
  const seedStarted = performance.now();
  const start = Date.parse("2026-09-01T00:00:00Z");
  for (let done = 0; done < n; ) {
    const size = Math.min(20_000, n - done);
    const rows: (typeof responses.$inferInsert)[] = [];
    const inputs: RollupInput[] = [];
    for (let i = 0; i < size; i++) {
      const parent = r() < 0.1;
      const surveyId = parent ? "parent" : r() < 0.8 ? "resident" : "shopkeeper";
      const unitCode = parent ? schools[Math.floor(r() * schools.length)]! : communities[Math.floor(r() * communities.length)]!;
      const answers = makeAnswers(surveyId, r);
      const at = new Date(start + Math.floor(r() * DAYS * 86_400_000)).toISOString();
      const row = {
        id: `b${String(done + i).padStart(9, "0")}`,
        surveyId,
        surveyVersion: versionOf.get(surveyId)!,
        unitCode,
        channel: (r() < 0.6 ? "interview" : "qr") as "qr" | "interview",
        answers: JSON.stringify(answers),
        startedAt: at,
        completedAt: at,
        day: new Date(Date.parse(at) + 8 * 3600_000).toISOString().slice(0, 10),
        receivedAt: at,
        deviceId: `d${i}`,
        contentHash: "x",
        flagged: r() < 0.02,
      };
      // In province mode only the checked district keeps raw rows (its GROUP BY is the cross-check).
      if (!PROVINCE || unitCode.startsWith(CHECKED_DISTRICT.slice(0, 4))) rows.push(row);
      inputs.push({
        ...row,
        flagged: row.flagged,
        answers,
        metricQuestions: defs.get(surveyId)!,
        distributionQuestions: dists.get(surveyId)!,
      });
    }
    await db.transaction(async (tx) => {
      for (const part of chunk(rows, 100)) await tx.insert(responses).values(part);
      await applyRollups(drizzleExecutor(tx), inputs);
    });
    done += size;
    if (done % 200_000 === 0) console.log(`    ${done} responses, ${((performance.now() - seedStarted) / 1000).toFixed(0)} s`);
  }
}

/** The GROUP BY over raw responses a dashboard without rollups would run (same filter: not flagged). */
async function rawRates(db: Database, unit: string) {
  const defs = new Map<string, { metric: string; positive: unknown[] }>();
  for (const s of shippedSurveys) {
    const walk = (els: any[] = []) =>
      els.forEach((e) => {
        if (e.metric) defs.set(`${s.id}|${e.name}`, { metric: e.metric, positive: e.positive });
        walk(e.elements);
      });
    for (const p of (s.json as any).pages) walk(p.elements);
  }
  const values = [...defs].flatMap(([k, d]) =>
    d.positive.map((p) => `('${k.split("|")[0]}','${k.split("|")[1]}','${d.metric}','${JSON.stringify(p).replace(/'/g, "''")}',1)`),
  );
  const metricOf = [...defs].map(([k, d]) => `('${k.split("|")[0]}','${k.split("|")[1]}','${d.metric}')`);
  const q = `
    with qs(survey_id, name, metric) as (values ${metricOf.join(",")}),
         pos(survey_id, name, metric, value, p) as (values ${values.join(",")}),
         a as (
           select r.id, r.unit_code, qs.metric, j.key, case when pos.p is null then 0 else 1 end as positive
           from unit_closure c join responses r on r.unit_code = c.descendant
           join json_each(r.answers) j
           join qs on qs.survey_id = r.survey_id and qs.name = j.key
           left join pos on pos.survey_id = r.survey_id and pos.name = j.key and pos.value = case j.type when 'text' then json_quote(j.value) when 'true' then 'true' when 'false' then 'false' else cast(j.value as text) end
           where c.ancestor = ? and r.flagged = 0 and j.value is not null)
    select metric, count(distinct id) as respondents, count(*) as answers, sum(positive) as positive from a group by metric`;
  return (await db.$client.execute({ sql: q, args: [unit] })).rows;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeIt(fn: () => Promise<unknown>, runs = RUNS) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

/**
 * CPU time per call (user + system of this process), median of rounds of 5: on a machine shared
 * with other work, wall time carries their load; with the embedded (synchronous) driver a read's
 * CPU time is what it costs on an idle core.
 */
async function cpuOf(fn: () => Promise<unknown>, rounds = 5) {
  const per: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const c0 = process.cpuUsage();
    for (let j = 0; j < 5; j++) await fn();
    const c = process.cpuUsage(c0);
    per.push((c.user + c.system) / 1000 / 5);
  }
  return median(per);
}

/** BENCH_KEEP=dir keeps each seeded database there and reuses it on the next run (seeding 1M takes minutes). */
const KEEP = process.env.BENCH_KEEP;

for (const n of SIZES) {
  const dir = KEEP ? path.join(KEEP, String(n)) : mkdtempSync(path.join(tmpdir(), "cw-bench-"));
  mkdirSync(dir, { recursive: true });
  const reuse = KEEP !== undefined && existsSync(path.join(dir, "seeded"));
  const client = createClient({ url: `file:${path.join(dir, "bench.db")}` });
  const db = createDatabase(client);
  await migrateDatabase(db, { embedded: true });
  const config = loadConfig({ ADMIN_PASSWORD: "bench-password-1", SEED_DEMO: "0" });
  const unitsStarted = performance.now();
  if (!reuse) await addUnits(db, hierarchy(), new Date()); // before bootstrap, so the admin's scope is this city
  const unitsSeconds = (performance.now() - unitsStarted) / 1000;
  const boot = await bootstrapDatabase(db, config, shippedSurveys, new Date());
  const t0 = performance.now();
  if (!reuse) {
    if (PROVINCE && process.env.BENCH_DIRECT !== "0") console.log(`    direct seed: ${JSON.stringify(await seedDirect(db, client, n))}`);
    else await seed(db, n);
    if (KEEP) writeFileSync(path.join(dir, "seeded"), String(n));
  }
  const seedS = (performance.now() - t0) / 1000;
  const counts = (await client.execute("select count(*) n from rollups")).rows[0]!;
  const app = createApp({ db, config, secret: boot.secret });
  const { read: reader, cookie } = await inProcessReader(app, "bench-password-1");
  const read = async (pathAndQuery: string) => (await reader(pathAndQuery)).json() as Promise<any>;
  const get = (unit: string) => read(`/api/v1/rates?unit=${unit}`);
  const ranking = (unit: string) => read(`/api/v1/rates/ranking?unit=${unit}&metric=satisfaction`);
  const district = CHECKED_DISTRICT;
  // Same numbers both ways, or the comparison means nothing.
  const viaRollups = await get(district);
  const viaRaw = await rawRates(db, district);
  for (const row of viaRaw as any[]) {
    const m = viaRollups.metrics[row.metric];
    if (m.respondents !== Number(row.respondents) || m.answers !== Number(row.answers) || m.positive !== Number(row.positive)) {
      throw new Error(`rollup and raw disagree on ${row.metric}: ${JSON.stringify(m)} vs ${JSON.stringify(row)}`);
    }
  }
  // What a read costs in rows, independent of the machine's load: the month rows (not flagged) of
  // the unit and its children, the rows countsByUnitAndChannel reads for an unbounded /rates.
  const rowsRead = async (unit: string) =>
    Number(
      (
        await client.execute({
          sql: "select count(*) n from rollups where flagged = 0 and period like 'M:%' and unit_code in (select code from units where code = ?1 or parent_code = ?1)",
          args: [unit],
        })
      ).rows[0]!.n,
    );
  const [districtRows, cityRows] = [await rowsRead(district), await rowsRead(CITY)];
  const districtMs = await timeIt(() => get(district));
  const cityMs = await timeIt(() => get(CITY));
  const districtCpuMs = await cpuOf(() => get(district));
  const cityCpuMs = await cpuOf(() => get(CITY));
  const rankingDistrictMs = await timeIt(() => ranking(district));
  const rankingCityMs = await timeIt(() => ranking(CITY));
  const residentDistrictMs = await timeIt(() => read(`/api/v1/rates?unit=${district}&audience=resident`));
  // Issue 14: every question's distribution and a cross-tab, from the rollups' dist column. Checked
  // against the raw responses first, as the rates are.
  // In province mode the raw rows are the checked district's only, so the check is of that district.
  const checkedUnit = PROVINCE ? district : CITY;
  const dist = await read(`/api/v1/rates/distributions?unit=${checkedUnit}&audience=resident`);
  const identity = dist.surveys[0].questions.find((q: any) => q.name === "identity");
  const rawIdentity = await client.execute(
    "select count(*) n from responses where survey_id = 'resident' and flagged = 0 and json_extract(answers, '$.identity') is not null",
  );
  if (identity.respondents !== Number(rawIdentity.rows[0]!.n)) throw new Error(`distributions and raw disagree: ${identity.respondents}`);
  const distributionsDistrictMs = await timeIt(() => read(`/api/v1/rates/distributions?unit=${district}&audience=resident`));
  const distributionsCityMs = await timeIt(() => read(`/api/v1/rates/distributions?unit=${CITY}`));
  const crosstabCityMs = await timeIt(() =>
    read(`/api/v1/rates/crosstab?unit=${CITY}&audience=resident&question=sat_environment&by=age_band`),
  );
  // Census age shares at the city: every resident read below it is also weighted (issue 13).
  const { bands } = await read(`/api/v1/units/${CITY}/age-shares`);
  const eligible = (bands as string[]).filter((b) => b !== "under18" && b !== "over65");
  const put = await app.request(`/api/v1/units/${CITY}/age-shares`, {
    method: "PUT",
    headers: { cookie, "content-type": "application/json", origin: "http://localhost" },
    body: JSON.stringify({ shares: Object.fromEntries(eligible.map((b) => [b, 1 / eligible.length])) }),
  });
  if (put.status !== 200) throw new Error(`age shares ${put.status}: ${await put.text()}`);
  const weightedBody = await read(`/api/v1/rates?unit=${district}&audience=resident`);
  if (weightedBody.metrics.awareness.weighted?.rate == null) throw new Error("no weighted rate after setting shares");
  const weightedDistrictMs = await timeIt(() => read(`/api/v1/rates?unit=${district}&audience=resident`));
  const weightedCityMs = await timeIt(() => read(`/api/v1/rates?unit=${CITY}&audience=resident`));
  // A kept database (BENCH_KEEP) is measured again later: leave it unweighted, as seeded.
  await app.request(`/api/v1/units/${CITY}/age-shares`, { method: "DELETE", headers: { cookie, origin: "http://localhost" } });
  const rawDistrictMs = await timeIt(() => rawRates(db, district), 3);
  // Province mode: raw rows exist for one district only, so a root GROUP BY would mean nothing.
  const rawCityMs = PROVINCE ? Number.NaN : await timeIt(() => rawRates(db, CITY), 1);
  report(PROVINCE ? "rates-province" : "rates", {
    responses: n,
    units: hierarchy().length,
    unitsSeconds: +unitsSeconds.toFixed(1),
    seedSeconds: +seedS.toFixed(1),
    rollupRows: Number(counts.n),
    districtRowsRead: districtRows,
    cityRowsRead: cityRows,
    districtMs: +districtMs.toFixed(1),
    districtCpuMs: +districtCpuMs.toFixed(1),
    cityCpuMs: +cityCpuMs.toFixed(1),
    cityMs: +cityMs.toFixed(1),
    rankingDistrictMs: +rankingDistrictMs.toFixed(1),
    rankingCityMs: +rankingCityMs.toFixed(1),
    residentDistrictMs: +residentDistrictMs.toFixed(1),
    distributionsDistrictMs: +distributionsDistrictMs.toFixed(1),
    distributionsCityMs: +distributionsCityMs.toFixed(1),
    crosstabCityMs: +crosstabCityMs.toFixed(1),
    weightedDistrictMs: +weightedDistrictMs.toFixed(1),
    weightedCityMs: +weightedCityMs.toFixed(1),
    rawDistrictMs: +rawDistrictMs.toFixed(0),
    ...(PROVINCE ? {} : { rawCityMs: +rawCityMs.toFixed(0) }),
    districtSpeedup: +(rawDistrictMs / districtMs).toFixed(1),
    ...(PROVINCE ? {} : { citySpeedup: +(rawCityMs / cityMs).toFixed(1) }),
  });
  client.close();
  if (!KEEP) rmSync(dir, { recursive: true, force: true });
}
