import type { SheetColumn, LabelMode } from "./export-columns";
import type { Choice } from "./questionnaire-columns";

/** An SPSS string literal: single quotes, doubled inside; line breaks would end the command. */
const literal = (text: string) => `'${text.replace(/[\r\n]+/g, " ").replace(/'/g, "''")}'`;

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

/** Widths (bytes, as SPSS counts them in Unicode mode) of the metadata columns. */
const FIXED_WIDTH: Record<string, number> = {
  id: 64,
  unit_code: 32,
  unit_path: 600,
  poster_id: 64,
  interviewer: 64,
  completed_at: 19,
  flag_reason: 200,
};
/** Free-text answers: room for ~3,000 Chinese characters. */
const TEXT_WIDTH = 10_000;

const numericCodes = (choices: Choice[]) =>
  choices.length > 0 && choices.every((c) => typeof c.value === "number" || typeof c.value === "boolean");

/** The SPSS input format of a column as the CSV of this label mode holds it. */
function formatOf(c: SheetColumn, mode: LabelMode): string {
  if (c.kind === "multi" || c.kind === "number") return "F12.0";
  if (c.kind === "boolean") return mode === "codes" ? "F1.0" : `A${Math.max(16, ...c.choices.map((x) => utf8Bytes(x.label)))}`;
  if (c.kind === "single") {
    if (mode === "codes" && numericCodes(c.choices)) return "F12.0";
    const widest = Math.max(8, ...c.choices.map((x) => utf8Bytes(mode === "codes" ? x.key : x.label)));
    // An answer outside the choices (an old version's) or several joined with 、 needs room too.
    return `A${Math.max(64, widest * 2)}`;
  }
  return `A${FIXED_WIDTH[c.name] ?? TEXT_WIDTH}`;
}

/** The value labels of a column, when its cells hold codes rather than labels. */
function valueLabels(c: SheetColumn, mode: LabelMode): string | null {
  if (c.kind === "multi") return `/${c.name} 0 '未选' 1 '选中'`;
  if (mode !== "codes") return null;
  if (c.kind === "boolean") return `/${c.name} 1 ${literal(c.choices[0]!.label)} 0 ${literal(c.choices[1]!.label)}`;
  if (c.kind !== "single" || c.choices.length === 0) return null;
  const numeric = numericCodes(c.choices);
  return `/${c.name} ${c.choices.map((x) => `${numeric ? x.key : literal(x.key)} ${literal(x.label)}`).join(" ")}`;
}

/**
 * SPSS syntax that reads the export's CSV (UTF-8 with BOM, CRLF, a header row of variable
 * names) with variable labels, value labels and the export's own description as comments:
 * open it next to the CSV and run it. Value labels come with codes (the 原始代码 option); with
 * Chinese labels the cells are the labels already, and only the 0/1 columns get them.
 *
 * @example spssSyntax(columns, "codes", "答卷_….csv", [["单位", "大渡口区"]])
 */
export function spssSyntax(columns: SheetColumn[], mode: LabelMode, csvFileName: string, info: [string, string][]): string {
  const lines: string[] = ["* Encoding: UTF-8.", "* 创文问卷 答卷导出：SPSS 语法，与同名 CSV 放在同一文件夹后运行."];
  for (const [label, value] of info) lines.push(`* ${label}：${value.replace(/[\r\n]+/g, " ")} .`);
  lines.push(
    "",
    "GET DATA /TYPE=TXT",
    `  /FILE=${literal(csvFileName)}`,
    "  /ENCODING='UTF8'",
    "  /DELCASE=LINE",
    '  /DELIMITERS=","',
    "  /QUALIFIER='\"'",
    "  /ARRANGEMENT=DELIMITED",
    "  /FIRSTCASE=2",
    "  /VARIABLES=",
    ...columns.map((c) => `    ${c.name} ${formatOf(c, mode)}`),
    ".",
    "",
    "VARIABLE LABELS",
    ...columns.map((c) => `  ${c.name} ${literal(c.label)}`),
    ".",
  );
  const values = columns.map((c) => valueLabels(c, mode)).filter((v): v is string => v !== null);
  if (values.length > 0) lines.push("", "VALUE LABELS", ...values.map((v) => `  ${v}`), ".");
  const decimals = columns.filter((c) => c.kind === "number").map((c) => c.name);
  if (decimals.length > 0) lines.push("", `FORMATS ${decimals.join(" ")} (F12.2).`);
  lines.push("", "EXECUTE.", "");
  return lines.join("\r\n");
}
