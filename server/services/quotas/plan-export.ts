import type { Database } from "../../db/client";
import { csvStream } from "../exports/csv-stream";
import type { Cell } from "../exports/formula-safe";
import { xlsxStream } from "../exports/xlsx-stream";
import { type PlanFilter, planDetail, planProgress } from "./plan-progress";

const DETAIL_HEADER = ["日期", "单位代码", "单位名称", "问卷", "调查员", "目标", "完成"];
const UNIT_HEADER = ["单位代码", "单位名称", "目标", "完成", "完成率"];
const INTERVIEWER_HEADER = ["调查员", "目标", "完成", "完成率"];

/** A share as a percent with one decimal, blank without a target (the page shows the same). */
const percent = (a: number | null): Cell => (a === null ? null : Math.round(a * 1000) / 10);

async function* once(rows: Cell[][]): AsyncIterable<Cell[][]> {
  yield rows;
}

/**
 * Progress against plan as a file: CSV holds the detail (day × unit × questionnaire ×
 * interviewer, target and completed); XLSX adds a sheet per child unit and per interviewer, the
 * numbers the page shows. Formula-safe and UTF-8 with BOM through the shared export writers.
 */
export async function planExport(db: Database, unit: { code: string; name: string }, f: PlanFilter, format: "csv" | "xlsx") {
  const detail = (await planDetail(db, unit.code, f)).map((r): Cell[] => [
    r.day,
    r.unitCode,
    r.unitName,
    r.surveyId,
    r.interviewer,
    r.target,
    r.completed,
  ]);
  const span = `${f.from ?? "起"}至${f.to ?? "今"}`;
  const fileName = `任务完成进度_${unit.name}_${span}.${format}`;
  if (format === "csv") {
    return { body: csvStream(DETAIL_HEADER, once(detail)), contentType: "text/csv; charset=utf-8", fileName, rows: detail.length };
  }
  const progress = await planProgress(db, unit.code, f);
  const sheets = [
    { name: "明细", header: DETAIL_HEADER, rows: [detail] },
    {
      name: "按单位",
      header: UNIT_HEADER,
      rows: [progress.children.map((r): Cell[] => [r.unit.code, r.unit.name, r.target, r.completed, percent(r.attainment)])],
    },
    {
      name: "按调查员",
      header: INTERVIEWER_HEADER,
      rows: [progress.interviewers.map((r): Cell[] => [r.interviewer, r.target, r.completed, percent(r.attainment)])],
    },
  ];
  return {
    body: xlsxStream(sheets),
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    fileName,
    rows: detail.length,
  };
}
