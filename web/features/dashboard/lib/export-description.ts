/**
 * What a table export is (issue 14, part 6): the unit, the filters, the date range, the
 * threshold and when it was made, both inside the file (rows above the table in a CSV, an
 * 导出信息 sheet in an XLSX) and in its file name, so a file forwarded in a chat still says what
 * it shows. Mirrors the answer export's wording (server/services/exports/export-info.ts).
 */
import { texts } from "../../../lib/i18n";
import type { Cell } from "../../../lib/spreadsheet-cell";
import type { DashboardFilters } from "../types";

const T = texts.dashboard;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what a file name must not hold.
const UNSAFE_NAME = /[\\/:*?"<>|\u0000-\u001F\u007F]/g;

export interface ExportSubject {
  unit: { code: string; name: string };
  filters: DashboardFilters;
  /** What the table is, e.g. 街道排名（满意率）. */
  table: string;
  threshold: number;
  generatedAt: Date;
}

/** "2026-12-03 09:05:07" on the Asia/Shanghai wall clock. */
export function shanghaiStamp(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
}

const dateRange = (f: DashboardFilters) =>
  !f.from && !f.to ? T.exportInfo.allDates : `${f.from ?? T.exportInfo.open}${T.exportInfo.until}${f.to ?? T.exportInfo.open}`;

/** The [label, value] lines that describe the export. */
export function exportInfoLines(s: ExportSubject): [string, string][] {
  const f = s.filters;
  return [
    [T.exportInfo.table, s.table],
    [T.exportInfo.unit, `${s.unit.name}（${s.unit.code}）`],
    [T.exportInfo.audience, T.audiences[f.audience ?? "all"]],
    [T.exportInfo.channel, T.channels[f.channel ?? "all"]],
    [T.exportInfo.dates, dateRange(f)],
    [T.exportInfo.flagged, f.includeFlagged ? T.exportInfo.flaggedIn : T.exportInfo.flaggedOut],
    [T.exportInfo.threshold, `${Math.round(s.threshold * 1000) / 10}%`],
    [T.exportInfo.generatedAt, shanghaiStamp(s.generatedAt)],
  ];
}

/** The CSV's rows: the description, a blank row, then the table. */
export function describedRows(s: ExportSubject, table: Cell[][]): Cell[][] {
  return [...exportInfoLines(s), [], ...table];
}

/**
 * A file name that says the same, without characters Windows or WeChat refuse.
 *
 * @example exportFileName(s) // "大渡口区_街道排名（满意率）_居民_全部渠道_2026-11-01至2026-11-30_达标90%_20261203-090507"
 */
export function exportFileName(s: ExportSubject): string {
  const f = s.filters;
  const stamp = shanghaiStamp(s.generatedAt).replace(/[-:]/g, "").replace(" ", "-");
  const parts = [
    s.unit.name,
    s.table,
    f.audience ? T.audiences[f.audience] : T.exportInfo.allAudiences,
    f.channel ? T.channels[f.channel] : T.exportInfo.allChannels,
    dateRange(f),
    ...(f.includeFlagged ? [T.exportInfo.flaggedIn] : []),
    `${T.exportInfo.thresholdShort}${Math.round(s.threshold * 1000) / 10}%`,
    stamp,
  ];
  return parts.join("_").replace(UNSAFE_NAME, "");
}
