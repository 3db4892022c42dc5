/**
 * The monthly 通报 as an editable Word file laid out like an official notice (GB/T 9704 page
 * margins, 宋体 title, 黑体 numbered section headings, 仿宋 body), built with `docx`. Fonts are
 * set as East Asian fonts both in the styles and on every run: Word falls back to its Latin font
 * for CJK text when only `w:ascii` is set, and WPS reads the run's `w:eastAsia`.
 *
 * Built in the browser from the page's own model, and reached only through a lazy import, so
 * docx stays out of the dashboard chunk and the file holds exactly the figures the page shows.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from "docx";
import { texts } from "../../../lib/i18n";
import { type MonthlyReport, namedText } from "./monthly-model";

const T = texts.dashboard;
const M = texts.monthlyReport;

const BODY_FONT = "仿宋";
const HEADING_FONT = "黑体";
const TITLE_FONT = "宋体";
const LATIN_FONT = "Times New Roman";
/** Half-points: 三号 16 pt for body and headings, 二号 22 pt for the title, 五号 10.5 pt in tables. */
const BODY_SIZE = 32;
const TITLE_SIZE = 44;
const TABLE_SIZE = 21;
const NOTE_SIZE = 24;
/** GB/T 9704 A4 margins in twips (1 mm = 56.7 twips): top 37, bottom 35, left 28, right 26 mm. */
const PAGE = { width: 11906, height: 16838, margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } };
/**
 * Body lines exactly 28 pt apart, as notices are set; only on text paragraphs, since an exact
 * height would crop an inline chart image and cramp 10.5 pt table text.
 */
const BODY_SPACING = { line: 560, lineRule: LineRuleType.EXACT };
/** The width an image may take on the page, in pixels at 96 dpi. */
const IMAGE_WIDTH = 580;

/** A chart drawn as a PNG for the file (ECharts' getDataURL at pixelRatio 2). */
export interface ChartImage {
  title: string;
  png: Uint8Array;
  /** CSS pixels of the drawn chart; the PNG holds twice as many. */
  width: number;
  height: number;
}

const font = (eastAsia: string) => ({ ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia, cs: LATIN_FONT });
const LANGUAGE = { value: "zh-CN", eastAsia: "zh-CN" };

function run(text: string, options: Omit<IRunOptions, "text"> = {}, eastAsia = BODY_FONT) {
  return new TextRun({ text, font: font(eastAsia), language: LANGUAGE, ...options });
}

const body = (text: string) => new Paragraph({ children: [run(text)], indent: { firstLine: 640 }, spacing: BODY_SPACING });

const note = (text: string) => new Paragraph({ children: [run(text, { size: NOTE_SIZE })] });

function heading(number: number, text: string) {
  return new Paragraph({
    heading: HeadingLevel.HEADING_1,
    children: [run(M.sectionHeading(number, text), {}, HEADING_FONT)],
    indent: { firstLine: 640 },
    spacing: { ...BODY_SPACING, before: 240, after: 120 },
  });
}

const subheading = (text: string) =>
  new Paragraph({ children: [run(text, { bold: true })], spacing: { ...BODY_SPACING, before: 120, after: 60 }, keepNext: true });

function cell(text: string, header = false) {
  return new TableCell({
    children: [new Paragraph({ children: [run(text, { size: TABLE_SIZE, bold: header }, header ? HEADING_FONT : BODY_FONT)] })],
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
}

function table(header: string[], rows: string[][]) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c) => cell(c)) })),
    ],
  });
}

const withNote = (value: string, noteText: string | null) => (noteText ? `${value} ${noteText}` : value);

function image(chart: ChartImage) {
  const scale = Math.min(1, IMAGE_WIDTH / chart.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: "png",
          data: chart.png,
          transformation: { width: Math.round(chart.width * scale), height: Math.round(chart.height * scale) },
          altText: { name: chart.title, description: chart.title, title: chart.title },
        }),
      ],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(M.chartImage(chart.title), { size: NOTE_SIZE })] }),
  ];
}

function overview(r: MonthlyReport, charts: ChartImage[]) {
  return [
    heading(1, M.sections.overview),
    table(
      [
        T.metric,
        T.respondents,
        T.rate,
        T.ci,
        `${T.status.pass}/${T.status.fail}`,
        M.previousRate(r.previousLabel),
        M.change,
        M.significance,
      ],
      r.metrics.map((m) => [m.name, m.respondents, withNote(m.rate, m.note), m.ci, m.status, m.previousRate, m.change, m.verdict]),
    ),
    ...(r.modeGaps.length ? [subheading(T.modeGapHeading), ...r.modeGaps.map(body), note(T.modeGapWhy)] : []),
    ...charts.slice(0, 1).flatMap(image),
  ];
}

function rankings(r: MonthlyReport, charts: ChartImage[]) {
  return [
    heading(2, M.sections.ranking),
    body(`${M.namedLabel(M.named.best)}${namedText(r.best)}`),
    body(`${M.namedLabel(M.named.lowest)}${namedText(r.lowest)}`),
    ...r.rankings.flatMap((s) => [
      subheading(s.title),
      table(
        [T.rank, T.unit, T.respondents, T.nEff, T.rate, T.ci, T.band],
        s.rows.map((x) => [
          x.rank,
          x.naming ? `${x.unit}（${x.naming}）` : x.unit,
          x.respondents,
          x.nEff,
          withNote(x.rate, x.note),
          x.ci,
          x.band,
        ]),
      ),
    ]),
    ...charts.slice(1).flatMap(image),
  ];
}

function weak(r: MonthlyReport) {
  return [
    heading(3, M.sections.weakQuestions),
    r.weakQuestions.length
      ? table(
          [T.question, T.rate, `${T.positive}/${T.answers}`],
          r.weakQuestions.map((q) => [q.title, withNote(q.rate, q.note), q.counts]),
        )
      : body(M.noWeakQuestions),
  ];
}

function coverage(r: MonthlyReport) {
  if (!r.coverage) return [heading(4, M.sections.coverage), body(M.noCoverage)];
  return [
    heading(4, M.sections.coverage),
    body(r.coverage.totals),
    table(
      [T.unit, M.households, M.visitedHouseholds, M.coverage],
      r.coverage.rows.map((c) => [c.unit, c.households, c.visited, c.coverage]),
    ),
    note(M.coverageRule(r.coverage.rows.length)),
  ];
}

function issues(r: MonthlyReport) {
  return [
    heading(5, M.sections.issues),
    r.issues.length
      ? table(
          [T.unit, M.openIssues],
          r.issues.map((i) => [i.unitName, String(i.openCount)]),
        )
      : body(M.noData),
  ];
}

function notes(r: MonthlyReport) {
  return [heading(6, M.sections.notes), ...r.notes.map((n, i) => body(`${i + 1}. ${n}`)), body(`${r.notes.length + 1}. ${r.scopeLine}`)];
}

/** The Word document of a report; `charts[0]` is the metrics chart, the rest go with the rankings. */
export function monthlyDocument(r: MonthlyReport, charts: ChartImage[] = []): Document {
  return new Document({
    creator: texts.appName,
    title: r.title,
    description: r.scopeLine,
    styles: {
      default: {
        document: { run: { font: font(BODY_FONT), size: BODY_SIZE, language: LANGUAGE } },
        heading1: {
          run: { font: font(HEADING_FONT), size: BODY_SIZE, bold: false, color: "000000" },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
        },
      },
    },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin } },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [run(r.title, { size: TITLE_SIZE, bold: true }, TITLE_FONT)],
          }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(M.issuedOn(r.issuedOn))] }),
          note(r.scopeLine),
          ...overview(r, charts),
          ...rankings(r, charts),
          ...weak(r),
          ...coverage(r),
          ...issues(r),
          ...notes(r),
          new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 480 }, children: [run(r.unit.name)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(r.issuedOn)] }),
        ],
      },
    ],
  });
}

/** The file as a Blob for the browser's download. */
export const monthlyDocxBlob = (r: MonthlyReport, charts: ChartImage[]) => Packer.toBlob(monthlyDocument(r, charts));
