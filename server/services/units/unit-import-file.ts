import Papa from "papaparse";
import { readSheet } from "read-excel-file/universal";

/** One data row of an import file, as text, with the line it came from (the header is line 1). */
export interface ImportRow {
  line: number;
  code: string;
  name: string;
  kind: string;
  parentCode: string;
  households: string;
  population: string;
  /** Undefined when the file has no such column: the stored value is kept (files made before it existed). */
  shops?: string;
  students?: string;
  targetN: string;
}

export const IMPORT_COLUMNS = ["code", "name", "kind", "parent_code", "households", "population", "shops", "students", "target_n"] as const;

/** Header names accepted for each column (English as documented, plus the Chinese an office would type). */
const HEADER_ALIASES: Record<string, (typeof IMPORT_COLUMNS)[number]> = {
  code: "code",
  代码: "code",
  区划代码: "code",
  单位代码: "code",
  name: "name",
  名称: "name",
  单位名称: "name",
  kind: "kind",
  类型: "kind",
  层级: "kind",
  parent_code: "parent_code",
  parent: "parent_code",
  上级代码: "parent_code",
  households: "households",
  户数: "households",
  population: "population",
  人口: "population",
  shops: "shops",
  商户数: "shops",
  店铺数: "shops",
  students: "students",
  学生数: "students",
  target_n: "target_n",
  样本量: "target_n",
  计划样本量: "target_n",
};

export class ImportFileError extends Error {}

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * Reads a CSV (UTF-8 with or without BOM, or GBK as saved by Chinese Excel) or an XLSX file
 * (first sheet) into rows. Throws ImportFileError for a file that is neither or lacks a column.
 */
export async function readImportFile(bytes: Uint8Array): Promise<ImportRow[]> {
  const table = await readImportTable(bytes);
  if (table.length === 0) throw new ImportFileError("文件是空的");
  const header = table[0]!.map((h) => HEADER_ALIASES[h.trim().toLowerCase()] ?? null);
  const index = Object.fromEntries(IMPORT_COLUMNS.map((col) => [col, header.indexOf(col)])) as Record<
    (typeof IMPORT_COLUMNS)[number],
    number
  >;
  const missing = (["code", "name", "kind", "parent_code"] as const).filter((col) => index[col] < 0);
  if (missing.length) throw new ImportFileError(`缺少列：${missing.join(", ")}（第 1 行应为列名：${IMPORT_COLUMNS.join(",")}）`);
  const cell = (row: string[], col: (typeof IMPORT_COLUMNS)[number]) => (index[col] >= 0 ? (row[index[col]] ?? "").trim() : "");
  const rows: ImportRow[] = [];
  table.forEach((row, i) => {
    if (i === 0 || row.every((v) => v.trim() === "")) return;
    rows.push({
      line: i + 1,
      code: cell(row, "code"),
      name: cell(row, "name"),
      kind: cell(row, "kind"),
      parentCode: cell(row, "parent_code"),
      households: cell(row, "households"),
      population: cell(row, "population"),
      shops: index.shops >= 0 ? cell(row, "shops") : undefined,
      students: index.students >= 0 ? cell(row, "students") : undefined,
      targetN: cell(row, "target_n"),
    });
  });
  return rows;
}

/** The cells of a CSV (UTF-8 or GBK) or of an XLSX file's first sheet, as text; the household register import reads files the same way. */
export async function readImportTable(bytes: Uint8Array): Promise<string[][]> {
  const isXlsx = XLSX_MAGIC.every((b, i) => bytes[i] === b);
  return isXlsx ? await readXlsx(bytes) : readCsv(bytes);
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Excel on a Chinese Windows saves "CSV" in GBK.
    try {
      return new TextDecoder("gbk").decode(bytes);
    } catch {
      throw new ImportFileError("无法识别文件编码：请保存为 UTF-8 或 GBK 编码的 CSV，或 XLSX");
    }
  }
}

function readCsv(bytes: Uint8Array): string[][] {
  // Papa keeps empty lines as [""] so row index + 1 stays the file's line number.
  const parsed = Papa.parse<string[]>(decodeText(bytes), { skipEmptyLines: false });
  const fatal = parsed.errors.find((e) => e.type === "Quotes");
  if (fatal) throw new ImportFileError(`CSV 第 ${(fatal.row ?? 0) + 1} 行引号不匹配`);
  return parsed.data;
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  try {
    const copy = new Uint8Array(bytes).buffer;
    const data = await readSheet(copy);
    return data.map((row) => row.map((v) => (v === null || v === undefined ? "" : v instanceof Date ? v.toISOString() : String(v))));
  } catch (error) {
    throw new ImportFileError(`无法读取 XLSX 文件：${error instanceof Error ? error.message : String(error)}`);
  }
}
