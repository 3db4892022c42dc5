import type { Database } from "../../db/client";
import { drizzleExecutor } from "../../db/sql-executor";
import { writeTransaction } from "../../db/write-transaction";
import { auditInsert } from "../admin/audit";
import { rateSettingsAt } from "../rates/rate-settings";
import { invalid } from "../refusal";
import type { Unit } from "../units/units";
import { csvStream } from "./csv-stream";
import { rowCells, sheetColumns, type LabelMode } from "./export-columns";
import { type ExportInfo, exportFileName, infoLines } from "./export-info";
import { countExportRows, exportPages, type ExportFilter, unitPaths } from "./export-reader";
import { spssSyntax } from "./spss-syntax";
import { xlsxStream } from "./xlsx-stream";

export type ExportFormat = "xlsx" | "csv" | "sps";

export interface AnswerExportRequest extends Omit<ExportFilter, "unit" | "receivedUpTo"> {
  format: ExportFormat;
  labels: LabelMode;
  /** The generation time; the .sps of a CSV passes the CSV's, so it names the same file. */
  generatedAt: Date;
  generatedBy: string;
  /**
   * Issue 19: free text leaves unmasked only when this is set, after the caller checked the
   * permission and the reason (privacy/access.ts); the export is then audited before its first byte.
   */
  unmasked?: { reason: string };
}

/** The audit action of an unmasked export. */
export const UNMASKED_EXPORT_ACTION = "exports.unmasked";

export interface AnswerExport {
  fileName: string;
  contentType: string;
  /** Responses in the file, counted before the first byte (none for the .sps). */
  rows: number | null;
  body: ReadableStream<Uint8Array> | string;
}

const CONTENT_TYPE: Record<ExportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  sps: "text/plain; charset=utf-8",
};

/** Every stored version of a questionnaire, newest first; a survey with none is refused (422). */
async function surveyVersionsOf(db: Database, surveyId: string) {
  const rows = await drizzleExecutor(db).rows<{ version: number; title: string; json: string }>(
    "select version, title, json from survey_versions where survey_id = ? order by version desc",
    [surveyId],
  );
  if (rows.length === 0) throw invalid("unknown_survey", "问卷不存在");
  return rows.map((r) => ({ version: r.version, title: r.title, json: JSON.parse(r.json) as Record<string, unknown> }));
}

/**
 * The answer-level export of a unit's subtree (issue 14): one row per response with metadata
 * and one column per question over the questionnaire's versions, as a streamed XLSX (data,
 * codebook and info sheets), a streamed CSV, or the SPSS syntax that loads that CSV. The caller
 * has checked the unit against the user's scope. Rows are those received up to `generatedAt`,
 * so the count sent ahead matches the file.
 *
 * @example const out = await prepareAnswerExport(db, unit, { survey: "resident", format: "csv", labels: "text", includeFlagged: false, generatedAt: new Date(), generatedBy: "admin" });
 */
export async function prepareAnswerExport(db: Database, unit: Unit, req: AnswerExportRequest): Promise<AnswerExport> {
  const versions = await surveyVersionsOf(db, req.survey);
  const [paths, settings] = await Promise.all([unitPaths(db, unit.code), rateSettingsAt(db, unit.code)]);
  const columns = sheetColumns(
    versions.map((v) => v.json),
    paths,
    req.labels,
    req.unmasked !== undefined,
  );
  const info: ExportInfo = {
    unit: { code: unit.code, name: unit.name, path: paths.get(unit.code)?.path ?? unit.name },
    survey: { id: req.survey, title: versions[0]!.title, versions: versions.map((v) => v.version).reverse() },
    channel: req.channel,
    from: req.from,
    to: req.to,
    includeFlagged: req.includeFlagged,
    labels: req.labels,
    settings: { threshold: settings.threshold, minRespondents: settings.minRespondents },
    generatedAt: req.generatedAt,
    generatedBy: req.generatedBy,
    ...(req.unmasked ? { unmasked: req.unmasked } : {}),
  };
  if (req.format === "sps") {
    return {
      fileName: exportFileName(info, "sps"),
      contentType: CONTENT_TYPE.sps,
      rows: null,
      body: spssSyntax(columns, req.labels, exportFileName(info, "csv"), infoLines(info)),
    };
  }
  const filter: ExportFilter = {
    unit: unit.code,
    survey: req.survey,
    channel: req.channel,
    from: req.from,
    to: req.to,
    includeFlagged: req.includeFlagged,
    receivedUpTo: req.generatedAt.toISOString(),
  };
  const rows = await countExportRows(db, filter);
  const unmasked = req.unmasked;
  if (unmasked) {
    // Who, what (the filters and the row count) and why, committed before any data leaves.
    await writeTransaction(db, (tx) =>
      auditInsert(
        tx,
        {
          actor: req.generatedBy,
          action: UNMASKED_EXPORT_ACTION,
          target: `${req.survey}@${unit.code}`,
          after: {
            unit: unit.code,
            survey: req.survey,
            format: req.format,
            labels: req.labels,
            channel: req.channel ?? null,
            from: req.from ?? null,
            to: req.to ?? null,
            includeFlagged: req.includeFlagged,
            rows,
            generatedAt: req.generatedAt.toISOString(),
            reason: unmasked.reason,
          },
          scopeUnit: unit.code,
        },
        req.generatedAt,
      ),
    );
  }
  async function* batches() {
    for await (const page of exportPages(db, filter)) yield page.map((r) => rowCells(columns, r));
  }
  const fileName = exportFileName(info, req.format);
  if (req.format === "csv") {
    return {
      fileName,
      contentType: CONTENT_TYPE.csv,
      rows,
      body: csvStream(
        columns.map((c) => c.name),
        batches(),
      ),
    };
  }
  const codebook = columns.map((c) => [
    c.name,
    c.label,
    KIND_NAMES[c.kind],
    c.choices.length === 0
      ? null
      : c.kind === "multi"
        ? `1 = 选中，0 = 未选（${c.choices[0]!.label}）`
        : c.choices.map((x) => `${x.key} = ${x.label}`).join("；"),
  ]);
  const body = xlsxStream([
    { name: "答卷", header: columns.map((c) => c.label), rows: batches() },
    { name: "变量说明", header: ["变量名", "标签", "类型", "取值"], rows: [codebook] },
    { name: "导出信息", header: ["项目", "内容"], rows: [infoLines(info, rows)] },
  ]);
  return { fileName, contentType: CONTENT_TYPE.xlsx, rows, body };
}

const KIND_NAMES = { single: "单选", multi: "多选（0/1）", boolean: "是/否", number: "数值", text: "文本" } as const;
