/**
 * The monthly 通报 as one model of display strings: the page, the print view and the Word file
 * all show these same strings, so a figure can never differ between them.
 */
import { texts } from "../../../lib/i18n";
import type { DashboardFilters, FieldUnitsBody, MetricKey, RankingBody, RatesBody, Reliability } from "../types";
import { METRIC_KEYS } from "../types";
import { modeGapText, reliabilityNote } from "./figures";
import { pct } from "./format";
import { monthChange } from "./month-change";
import { questionPrecision } from "./question-precision";
import { rankedUnits, rankText } from "./ranking-rows";
import { shanghaiToday, type ReportMonth } from "./shanghai-month";

const T = texts.dashboard;
const M = texts.monthlyReport;
export const WEAK_QUESTIONS = 5;
const COVERAGE_ROWS = 10;

/** A rate as RateFigure draws it (value and §7 reliability note). */
export interface Figure {
  rate: number | null;
  reliability: Reliability;
  nEff: number;
}

export interface MetricLine {
  key: MetricKey;
  name: string;
  respondents: string;
  rate: string;
  note: string | null;
  figure: Figure;
  ci: string;
  status: string;
  previousRate: string;
  change: string;
  verdict: string;
}

export interface RankingLine {
  code: string;
  rank: string;
  unit: string;
  naming: string;
  respondents: string;
  nEff: string;
  rate: string;
  note: string | null;
  figure: Figure | null;
  ci: string;
  band: string;
}

export interface RankingSection {
  kind: string;
  title: string;
  rows: RankingLine[];
  /** Bars of the ranked rows (the chart). */
  bars: { unit: string; rate: number; band: "above" | "below" | "within"; low: boolean }[];
  threshold: number;
}

export interface QuestionLine {
  key: string;
  title: string;
  rate: string;
  note: string | null;
  figure: Figure;
  counts: string;
}

export interface CoverageLine {
  code: string;
  unit: string;
  households: string;
  visited: string;
  coverage: string;
}

/** One unit's open 问题清单 items. */
export interface IssueCount {
  unitName: string;
  openCount: number;
}

export interface MonthlyReport {
  unit: { code: string; name: string };
  month: ReportMonth;
  previous: ReportMonth;
  monthLabel: string;
  previousLabel: string;
  title: string;
  issuedOn: string;
  scopeLine: string;
  fileName: string;
  metrics: MetricLine[];
  /** "知晓率：入户访问比扫码填写低 …" for each metric with both channels (issue 13). */
  modeGaps: string[];
  /** Rates of both months for the chart, in METRIC_KEYS order. */
  metricBars: { name: string; current: number | null; previous: number | null }[];
  rankings: RankingSection[];
  best: string[];
  lowest: string[];
  weakQuestions: QuestionLine[];
  coverage: { totals: string; rows: CoverageLine[] } | null;
  issues: IssueCount[];
  notes: string[];
}

export interface MonthlyInputs {
  filters: DashboardFilters;
  month: ReportMonth;
  previous: ReportMonth;
  rates: RatesBody;
  previousRates: RatesBody;
  /** The rankings of every kind of child, the default kind first. */
  rankings: RankingBody[];
  field: FieldUnitsBody | null;
  issues: IssueCount[];
  generatedAt: Date;
}

/** "2026年11月" */
export const monthLabel = (month: string) => M.monthLabel(Number(month.slice(0, 4)), Number(month.slice(5, 7)));

const dayLabel = (day: string) => `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

const labelOf = (m: ReportMonth) => (m.current ? M.monthToDate(monthLabel(m.month), dayLabel(m.to).slice(5)) : monthLabel(m.month));

/** Shanghai wall time "2026-12-03 16:37" (the generation time inside the file and the page). */
export function shanghaiStamp(now: Date): string {
  const iso = new Date(now.getTime() + 8 * 3600_000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

const ciOf = (rate: number | null, ci: readonly number[]) => (rate === null ? "—" : `${pct(ci[0])} – ${pct(ci[1])}`);

function changeText(diff: number | null): string {
  if (diff === null) return "—";
  const points = (Math.abs(diff) * 100).toFixed(1);
  if (points === "0.0") return M.same;
  return diff > 0 ? M.up(points) : M.down(points);
}

function metricLines(rates: RatesBody, previousRates: RatesBody): MetricLine[] {
  return METRIC_KEYS.map((key) => {
    const m = rates.metrics[key];
    const p = previousRates.metrics[key];
    const change = monthChange(m, p);
    const verdict = change.diff === null ? M.verdicts.noData : M.verdicts[change.verdict];
    return {
      key,
      name: T.metrics[key],
      respondents: String(m.respondents),
      rate: pct(m.rate),
      note: m.rate === null ? null : reliabilityNote(m.reliability, m.nEff),
      figure: { rate: m.rate, reliability: m.reliability, nEff: m.nEff },
      ci: ciOf(m.rate, m.ci95Design),
      status: `${T.status[m.status]}${m.status !== "insufficient" ? `（${m.certainDesign ? T.certain : T.uncertain}）` : ""}`,
      previousRate: pct(p.rate),
      change: changeText(change.diff),
      verdict,
    };
  });
}

function rankingSection(ranking: RankingBody, rates: RatesBody, metric: MetricKey): RankingSection {
  const units = rankedUnits(ranking, rates.children, metric);
  const kindName = ranking.kind ? T.kinds[ranking.kind] : T.unit;
  return {
    kind: ranking.kind ?? "",
    title: T.rankingOf(kindName, T.metrics[metric]),
    threshold: ranking.threshold,
    rows: units.map(({ unit, row, respondents }) => ({
      code: unit.code,
      rank: row ? rankText(row) : "—",
      unit: unit.name,
      naming: row?.mayNameLowest ? T.lowest : row?.mayNameBest ? T.best : "",
      respondents: String(respondents),
      nEff: row ? String(Math.round(row.nEff)) : "—",
      rate: row ? pct(row.rate) : T.unranked,
      note: row ? reliabilityNote(row.reliability, row.nEff) : null,
      figure: row ? { rate: row.rate, reliability: row.reliability, nEff: row.nEff } : null,
      ci: row ? ciOf(row.rate, row.ci95Design) : "—",
      band: row ? T.bands[row.band] : "—",
    })),
    bars: ranking.rows.flatMap((r) =>
      r.rate === null ? [] : [{ unit: r.unit.name, rate: r.rate, band: r.band, low: r.reliability === "low" }],
    ),
  };
}

function weakQuestions(rates: RatesBody): QuestionLine[] {
  return rates.questions
    .map((q) => ({ q, precision: questionPrecision(q) }))
    .filter(({ q, precision }) => q.rate !== null && precision.reliability !== "low")
    .sort((a, b) => a.q.rate! - b.q.rate!)
    .slice(0, WEAK_QUESTIONS)
    .map(({ q, precision }) => ({
      key: `${q.surveyId}|${q.name}`,
      title: `${q.title}（${T.audiences[q.surveyId as "resident"] ?? q.surveyId}·${T.metrics[q.metric]}）`,
      rate: pct(q.rate),
      note: reliabilityNote(precision.reliability, precision.nEff),
      figure: { rate: q.rate, ...precision },
      counts: `${q.positive}/${q.answers}`,
    }));
}

function coverage(field: FieldUnitsBody | null): MonthlyReport["coverage"] {
  if (!field || field.totals.visits === 0) return null;
  const rows = [...field.rows]
    .filter((r) => r.visits > 0 || r.households)
    .sort((a, b) => (a.coverage ?? 2) - (b.coverage ?? 2))
    .slice(0, COVERAGE_ROWS);
  return {
    totals: M.coverageTotals(String(field.totals.visitedHouseholds), String(field.totals.households), pct(field.totals.coverage)),
    rows: rows.map((r) => ({
      code: r.unit.code,
      unit: r.unit.name,
      households: r.households === null ? M.coverageUnknown : String(r.households),
      visited: String(r.visitedHouseholds),
      coverage: pct(r.coverage),
    })),
  };
}

const thresholdsText = (rates: RatesBody) =>
  `${METRIC_KEYS.map((k) => M.thresholdItem(T.metrics[k], pct(rates.threshold[k], 0))).join(M.listSeparator)}；${M.minRespondents(rates.minRespondents)}`;

/** Thresholds for a file name: one figure when all metrics share it, else each in metric order. */
function fileThreshold(rates: RatesBody): string {
  const values = [...new Set(METRIC_KEYS.map((k) => pct(rates.threshold[k], 0)))];
  return M.fileThreshold(values.join("-"));
}

/** Characters Windows and WPS refuse in file names become "-". */
const safeName = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, "-");

export function buildMonthlyReport(input: MonthlyInputs): MonthlyReport {
  const { filters, month, previous, rates, previousRates } = input;
  const stamp = shanghaiStamp(input.generatedAt);
  const audience = filters.audience ? T.audiences[filters.audience] : T.audiences.all;
  const channel = filters.channel ? T.channels[filters.channel] : T.channels.all;
  const label = labelOf(month);
  const rankings = input.rankings.filter((r) => r.rows.length > 0).map((r) => rankingSection(r, rates, filters.metric));
  const named = (flag: "mayNameBest" | "mayNameLowest") =>
    input.rankings.flatMap((r) => r.rows.filter((row) => row[flag]).map((row) => M.namedUnit(row.unit.name, pct(row.rate))));
  const fileParts = [
    rates.unit.name,
    M.fileKind,
    `${month.from}至${month.to}`,
    audience === T.audiences.all ? "全部对象" : audience,
    channel === T.channels.all ? "全部渠道" : channel,
    ...(filters.includeFlagged ? [M.fileFlagged] : []),
    fileThreshold(rates),
    M.fileGenerated(stamp.replace(/[-:]/g, "").replace(" ", "-")),
  ];
  return {
    unit: { code: rates.unit.code, name: rates.unit.name },
    month,
    previous,
    monthLabel: label,
    previousLabel: labelOf(previous),
    title: M.title(rates.unit.name, label),
    issuedOn: dayLabel(shanghaiToday(input.generatedAt)),
    scopeLine: M.scopeLine({
      audience,
      channel,
      flagged: filters.includeFlagged ? M.withFlagged : M.withoutFlagged,
      from: month.from,
      to: month.to,
      previousFrom: previous.from,
      previousTo: previous.to,
      thresholds: thresholdsText(rates),
      generatedAt: stamp,
    }),
    fileName: `${safeName(fileParts.join("_"))}.docx`,
    metrics: metricLines(rates, previousRates),
    modeGaps: METRIC_KEYS.flatMap((k) => {
      const text = modeGapText(rates.metrics[k].modeGap);
      return text ? [`${T.metrics[k]}：${text}`] : [];
    }),
    metricBars: METRIC_KEYS.map((k) => ({ name: T.metrics[k], current: rates.metrics[k].rate, previous: previousRates.metrics[k].rate })),
    rankings,
    best: named("mayNameBest"),
    lowest: named("mayNameLowest"),
    weakQuestions: weakQuestions(rates),
    coverage: coverage(input.field),
    issues: input.issues,
    notes: [M.changeFormula, T.namingRule, M.weakRule(WEAK_QUESTIONS), ...(month.current ? [M.monthToDateNote] : [])],
  };
}

/** The named units as one line, or 无 when §7 lets none be named. */
export const namedText = (list: string[]) => (list.length ? list.join(M.listSeparator) : M.named.none);

/** Every figure the report shows, as shown: what the page, the print view and the file must all carry. */
export function reportFigures(r: MonthlyReport): string[] {
  return [
    r.unit.name,
    r.monthLabel,
    ...r.metrics.flatMap((m) => [m.respondents, m.rate, m.ci, m.status, m.previousRate, m.change, m.verdict, ...(m.note ? [m.note] : [])]),
    ...r.modeGaps,
    ...r.rankings.flatMap((s) =>
      s.rows.flatMap((x) => [x.rank, x.unit, x.respondents, x.nEff, x.rate, x.ci, x.band, ...(x.note ? [x.note] : [])]),
    ),
    ...r.best,
    ...r.lowest,
    ...r.weakQuestions.flatMap((q) => [q.title, q.rate, q.counts]),
    ...(r.coverage ? [r.coverage.totals, ...r.coverage.rows.flatMap((c) => [c.unit, c.households, c.visited, c.coverage])] : []),
    ...r.issues.flatMap((i) => [i.unitName, String(i.openCount)]),
  ];
}
