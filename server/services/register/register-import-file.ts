import { ImportFileError, readImportTable } from "../units/unit-import-file";

/** One data row of a register file, as text, with its line (the header is line 1). */
export interface RegisterImportRow {
  line: number;
  unitCode: string;
  kind: string;
  building: string;
  unitNo: string;
  room: string;
  address: string;
  shopName: string;
  /** Undefined when the file has no such column: stored assignments are kept. */
  assignedTo?: string;
}

export const REGISTER_COLUMNS = ["unit_code", "kind", "building", "unit", "room", "address", "shop_name", "assigned_to"] as const;
type Column = (typeof REGISTER_COLUMNS)[number];

/** Header names accepted per column: the documented English ones and what an office types. */
const HEADER_ALIASES: Record<string, Column> = {
  unit_code: "unit_code",
  社区代码: "unit_code",
  单位代码: "unit_code",
  区划代码: "unit_code",
  kind: "kind",
  类型: "kind",
  building: "building",
  楼栋: "building",
  栋: "building",
  楼号: "building",
  unit: "unit",
  单元: "unit",
  room: "room",
  房号: "room",
  门牌号: "room",
  室: "room",
  address: "address",
  地址: "address",
  shop_name: "shop_name",
  店名: "shop_name",
  商铺名称: "shop_name",
  assigned_to: "assigned_to",
  调查员: "assigned_to",
  访员: "assigned_to",
};

/** Reads a register file (CSV in UTF-8 or GBK, or XLSX) into rows; ImportFileError when it is neither or lacks a column. */
export async function readRegisterFile(bytes: Uint8Array): Promise<RegisterImportRow[]> {
  const table = await readImportTable(bytes);
  if (table.length === 0) throw new ImportFileError("文件是空的");
  const header = table[0]!.map((h) => HEADER_ALIASES[h.trim().toLowerCase()] ?? null);
  const index = Object.fromEntries(REGISTER_COLUMNS.map((col) => [col, header.indexOf(col)])) as Record<Column, number>;
  const missing = (["unit_code", "kind"] as const).filter((col) => index[col] < 0);
  if (missing.length) throw new ImportFileError(`缺少列：${missing.join(", ")}（第 1 行应为列名：${REGISTER_COLUMNS.join(",")}）`);
  const cell = (row: string[], col: Column) => (index[col] >= 0 ? (row[index[col]] ?? "").trim() : "");
  const rows: RegisterImportRow[] = [];
  table.forEach((row, i) => {
    if (i === 0 || row.every((v) => v.trim() === "")) return;
    rows.push({
      line: i + 1,
      unitCode: cell(row, "unit_code"),
      kind: cell(row, "kind"),
      building: cell(row, "building"),
      unitNo: cell(row, "unit"),
      room: cell(row, "room"),
      address: cell(row, "address"),
      shopName: cell(row, "shop_name"),
      assignedTo: index.assigned_to >= 0 ? cell(row, "assigned_to") : undefined,
    });
  });
  return rows;
}
