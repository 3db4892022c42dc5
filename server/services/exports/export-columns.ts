import { maskAnswerValue } from "../privacy/mask";
import type { Cell } from "./formula-safe";
import type { ExportRow } from "./export-reader";
import { answerColumns, type AnswerColumn, type Choice, type ColumnKind } from "./questionnaire-columns";

/** Choice labels in Chinese (the default) or the stored codes, for statistics software. */
export type LabelMode = "text" | "codes";

/** One column of the data sheet: what it is called and how a row fills it. */
export interface SheetColumn {
  name: string;
  label: string;
  kind: ColumnKind;
  choices: Choice[];
  cell: (row: ExportRow, answers: Record<string, unknown>) => Cell;
}

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** "2026-11-20 14:03:05" on Asia/Shanghai's wall clock. */
function shanghaiTime(iso: string): string | null {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ") : null;
}

const text = (v: unknown): Cell => (v === null || v === undefined ? null : typeof v === "string" ? v : JSON.stringify(v));

/** The function that turns an answer into a cell, for one column and label mode. */
function answerCell(kind: ColumnKind, choices: Choice[], mode: LabelMode): (v: unknown) => Cell {
  const labels = new Map(choices.map((c) => [c.key, c.label]));
  const code = (v: unknown): Cell => (typeof v === "number" ? v : String(v));
  switch (kind) {
    case "single": {
      const one = (v: unknown): Cell => (mode === "codes" ? code(v) : (labels.get(String(v)) ?? String(v)));
      return (v) => (v === null || v === undefined ? null : Array.isArray(v) ? v.map((x) => String(one(x))).join("、") : one(v));
    }
    case "multi": {
      const key = choices[0]!.key;
      return (v) =>
        v === null || v === undefined ? null : Array.isArray(v) ? (v.some((x) => String(x) === key) ? 1 : 0) : String(v) === key ? 1 : 0;
    }
    case "boolean": {
      const [yes, no] = choices as [Choice, Choice];
      return (v) => {
        if (v === null || v === undefined) return null;
        const k = String(v);
        if (k === yes.key) return mode === "codes" ? 1 : yes.label;
        if (k === no.key) return mode === "codes" ? 0 : no.label;
        return k;
      };
    }
    case "number":
      return (v) =>
        typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : text(v);
    default:
      return text;
  }
}

const CHANNEL: Choice[] = [
  { key: "qr", value: "qr", label: "扫码填写" },
  { key: "interview", value: "interview", label: "入户访问" },
];
const DECISION: Choice[] = [
  { key: "include", value: "include", label: "纳入" },
  { key: "exclude", value: "exclude", label: "排除" },
];
const YES_NO: Choice[] = [
  { key: "1", value: 1, label: "是" },
  { key: "0", value: 0, label: "否" },
];

/**
 * Why a response was flagged (server/services/ingest: quality-flags.ts, response-writer.ts,
 * submit-response.ts, prepare-response.ts), as the flag review page words them.
 */
const FLAG_REASONS: Record<string, string> = {
  same_device: "同一设备重复填写",
  burst: "同一网络地址短时大量提交",
  too_fast: "完成过快",
  straight_line: "所有满意度题答案相同",
  manual: "管理员手动排除",
  clock: "设备时间不可信",
};

/** The stored comma-separated reason codes, or (labels) their Chinese names joined by "；". */
function flagReasons(stored: string | null, mode: LabelMode): string | null {
  if (!stored) return null;
  if (mode === "codes") return stored;
  return stored
    .split(",")
    .map((code) => FLAG_REASONS[code] ?? code)
    .join("；");
}

type Meta = Omit<SheetColumn, "cell"> & { read: (r: ExportRow) => unknown };

/** The metadata columns, first in every export. */
function metadataColumns(paths: Map<string, { path: string }>, mode: LabelMode): Meta[] {
  return [
    { name: "id", label: "答卷编号", kind: "text", choices: [], read: (r) => r.id },
    { name: "unit_code", label: "单位代码", kind: "text", choices: [], read: (r) => r.unit_code },
    { name: "unit_path", label: "单位", kind: "text", choices: [], read: (r) => paths.get(r.unit_code)?.path ?? null },
    { name: "channel", label: "渠道", kind: "single", choices: CHANNEL, read: (r) => r.channel },
    { name: "poster_id", label: "海报编号", kind: "text", choices: [], read: (r) => r.poster_id },
    { name: "interviewer", label: "访问员", kind: "text", choices: [], read: (r) => r.interviewer },
    { name: "completed_at", label: "完成时间（北京时间）", kind: "text", choices: [], read: (r) => shanghaiTime(r.completed_at) },
    {
      name: "duration_s",
      label: "用时（秒）",
      kind: "number",
      choices: [],
      read: (r) => {
        const s = Math.round((Date.parse(r.completed_at) - Date.parse(r.started_at)) / 1000);
        return Number.isFinite(s) ? s : null;
      },
    },
    { name: "survey_version", label: "问卷版本", kind: "number", choices: [], read: (r) => r.survey_version },
    { name: "flagged", label: "已标记（不计入比率）", kind: "boolean", choices: YES_NO, read: (r) => (r.flagged ? 1 : 0) },
    { name: "flag_reason", label: "标记原因", kind: "text", choices: [], read: (r) => flagReasons(r.flag_reason, mode) },
    { name: "review_decision", label: "审核结论", kind: "single", choices: DECISION, read: (r) => r.review_decision },
  ];
}

/** A cell with any phone or identity number in it masked (issue 19); choice labels and codes never match. */
function maskedCell(cell: Cell): Cell {
  return cell === null ? null : (maskAnswerValue(cell) as Cell);
}

/**
 * Every column of the data sheet, metadata first, then the questionnaire's answers over all its
 * versions (questionnaire-columns.ts). Answer cells are masked (free text that looks like a phone
 * or identity number) unless `reveal` is set, which the caller does only for an unmasked export
 * it has checked and audited.
 *
 * @example const columns = sheetColumns([currentJson], paths, "text");
 */
export function sheetColumns(
  versionsNewestFirst: Record<string, unknown>[],
  paths: Map<string, { path: string }>,
  mode: LabelMode,
  reveal = false,
): SheetColumn[] {
  const meta = metadataColumns(paths, mode);
  const answers = answerColumns(
    versionsNewestFirst,
    meta.map((m) => m.name),
  );
  return [
    ...meta.map(({ read, ...m }) => {
      const toCell = answerCell(m.kind, m.choices, mode);
      return { ...m, cell: (r: ExportRow) => toCell(read(r)) };
    }),
    ...answers.map((a: AnswerColumn) => {
      const toCell = answerCell(a.kind, a.choices, mode);
      const key = a.question;
      return {
        name: a.name,
        label: a.label,
        kind: a.kind,
        choices: a.choices,
        cell: reveal
          ? (_r: ExportRow, ans: Record<string, unknown>) => toCell(ans[key])
          : (_r: ExportRow, ans: Record<string, unknown>) => maskedCell(toCell(ans[key])),
      };
    }),
  ];
}

/** One response as its row of cells; answers that are not a JSON object leave the answer cells empty. */
export function rowCells(columns: SheetColumn[], row: ExportRow): Cell[] {
  let answers: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(row.answers);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) answers = parsed as Record<string, unknown>;
  } catch {
    // Stored answers were checked on arrival; a damaged row still gets its metadata.
  }
  return columns.map((c) => c.cell(row, answers));
}
