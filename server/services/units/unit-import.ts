import type { Database } from "../../db/client";
import { units } from "../../db/schema";
import type { DrizzleTx } from "../../db/sql-executor";
import type { ImportRow } from "./unit-import-file";
import type { Unit, UnitKind } from "./units";

export type ImportErrorReason =
  | "invalid_field"
  | "duplicate_code"
  | "unknown_parent"
  | "code_level"
  | "cycle"
  | "second_root"
  | "out_of_scope";

export interface ImportRowError {
  line: number;
  code: string;
  reason: ImportErrorReason;
  message: string;
}

export type UnitFields = Pick<
  Unit,
  "code" | "name" | "kind" | "parentCode" | "households" | "population" | "shops" | "students" | "targetN"
>;

export interface ImportChange {
  code: string;
  line: number;
  before: UnitFields;
  after: UnitFields;
  fields: string[];
}

export interface ImportPlan {
  rows: number;
  adds: (UnitFields & { line: number })[];
  changes: ImportChange[];
  unchanged: number;
  errors: ImportRowError[];
}

const KINDS: readonly UnitKind[] = ["city", "district", "subdistrict", "community", "school_zone", "school"];
const ADMIN_KINDS: readonly UnitKind[] = ["city", "district", "subdistrict", "community"];
const KIND_LABEL: Record<UnitKind, string> = {
  city: "市",
  district: "区县",
  subdistrict: "街道/镇/乡",
  community: "社区/村",
  school_zone: "学区",
  school: "学校",
};
/** Which kinds may sit directly under which (docs/design.md §3). */
const PARENT_KINDS: Record<UnitKind, readonly (UnitKind | null)[]> = {
  city: [null],
  district: ["city"],
  subdistrict: ["district"],
  community: ["subdistrict"],
  school_zone: ["district", "city"],
  school: ["school_zone", "district", "city"],
};
/**
 * Kind names as offices write them in their own spreadsheets (the headers may be Chinese, so the
 * values may be too); each maps to the stored kind.
 */
const KIND_ALIASES: Record<string, UnitKind> = {
  市: "city",
  地级市: "city",
  区: "district",
  县: "district",
  区县: "district",
  "区/县": "district",
  街道: "subdistrict",
  镇: "subdistrict",
  乡: "subdistrict",
  "街道/镇/乡": "subdistrict",
  社区: "community",
  村: "community",
  "社区/村": "community",
  学区: "school_zone",
  学校: "school",
};

/** The stored kind a cell names, in English (`community`) or Chinese (`社区`); null if neither. */
export function kindOfCell(cell: string): UnitKind | null {
  const text = cell.trim();
  if (KINDS.includes(text as UnitKind)) return text as UnitKind;
  return KIND_ALIASES[text] ?? null;
}
const FREE_CODE = /^[0-9A-Za-z_-]{1,32}$/;
const FIELDS = ["name", "kind", "parentCode", "households", "population", "shops", "students", "targetN"] as const;

/**
 * Why a 12-digit 统计用区划代码 does not fit its level (docs/domain.md): digits 1-6 county, 7-9
 * township (001-099 街道, 100-199 镇, 200-399 乡), 10-12 community (001-199 社区, 200+ 村), and a
 * child repeats its parent's prefix. Null when it fits.
 */
export function codeLevelProblem(code: string, kind: UnitKind, parentCode: string | null): string | null {
  if (!ADMIN_KINDS.includes(kind)) return null;
  if (!/^\d{12}$/.test(code)) return `${KIND_LABEL[kind]}的代码应为 12 位数字的统计用区划代码`;
  const county = code.slice(4, 6),
    township = code.slice(6, 9),
    village = code.slice(9);
  const parentPrefix = (n: number) => parentCode !== null && /^\d{12}$/.test(parentCode) && code.slice(0, n) !== parentCode.slice(0, n);
  switch (kind) {
    case "city":
      return township === "000" && village === "000" ? null : "市级代码第 7-12 位应为 0";
    case "district":
      if (county === "00" || township !== "000" || village !== "000") return "区县代码应为 6 位县级代码后接 000000";
      return null;
    case "subdistrict": {
      const t = Number(township);
      if (village !== "000" || t < 1 || t > 399) return "街道/镇/乡代码第 7-9 位应在 001-399，第 10-12 位为 000";
      return parentPrefix(6) ? "街道/镇/乡代码前 6 位应与上级区县相同" : null;
    }
    case "community":
      if (township === "000" || village === "000") return "社区/村代码第 7-9 位和第 10-12 位都不能为 000";
      return parentPrefix(9) ? "社区/村代码前 9 位应与上级街道相同" : null;
    default:
      return null;
  }
}

function parseCount(text: string): number | null | undefined {
  if (text === "") return null;
  if (!/^\d{1,9}(\.0+)?$/.test(text)) return undefined;
  return Number.parseInt(text, 10);
}

/**
 * Checks an import file against the stored hierarchy without writing: what would be added or
 * changed, and every bad row with its line and reason. Units missing from the file are kept
 * (nothing is ever deleted). `scope` is the importing admin's unit. A row that names a stored
 * unit needs that unit inside the scope where it stands now (else another district's school
 * could be taken, its responses and users with it); a new or moved unit needs its new parent
 * inside the scope too. A row refused for its stored position is reported without any of the
 * stored unit's fields, and is not counted as changed or unchanged (that would tell its fields).
 */
export async function planImport(db: Database | DrizzleTx, rows: ImportRow[], scope: string): Promise<ImportPlan> {
  const stored = new Map<string, UnitFields>();
  for (const u of await db
    .select({
      code: units.code,
      name: units.name,
      kind: units.kind,
      parentCode: units.parentCode,
      households: units.households,
      population: units.population,
      shops: units.shops,
      students: units.students,
      targetN: units.targetN,
    })
    .from(units)) {
    stored.set(u.code, u);
  }
  const errors: ImportRowError[] = [];
  const fail = (row: ImportRow, reason: ImportErrorReason, message: string) =>
    errors.push({ line: row.line, code: row.code, reason, message });

  // 1. Each row on its own, and duplicates within the file.
  const firstLine = new Map<string, number>();
  const incoming = new Map<string, { row: ImportRow; unit: UnitFields }>();
  for (const row of rows) {
    const problems: string[] = [];
    if (!FREE_CODE.test(row.code)) problems.push("代码为空或含有非法字符");
    if (row.name === "" || row.name.length > 100) problems.push("名称为空或超过 100 字");
    const kind = kindOfCell(row.kind);
    if (!kind) problems.push(`类型应为 ${KINDS.join(" / ")} 或 社区 / 村 / 街道 / 镇 / 乡 / 区 / 县 / 市 / 学区 / 学校`);

    if (row.parentCode !== "" && !FREE_CODE.test(row.parentCode)) problems.push("上级代码含有非法字符");
    const households = parseCount(row.households),
      population = parseCount(row.population),
      targetN = parseCount(row.targetN);
    // A column the file does not have keeps what is stored (an older template has no shops or students).
    const shops = row.shops === undefined ? (stored.get(row.code)?.shops ?? null) : parseCount(row.shops);
    const students = row.students === undefined ? (stored.get(row.code)?.students ?? null) : parseCount(row.students);
    if (households === undefined || population === undefined || targetN === undefined || shops === undefined || students === undefined)
      problems.push("户数、人口、商户数、学生数、样本量应为非负整数或留空");
    if (problems.length) {
      // A code that is not a 区划代码 is otherwise reported by the level check below (code_level);
      // when the row fails here anyway, it is listed with the rest, so one pass shows every problem.
      const codeShape = kind && FREE_CODE.test(row.code) ? codeLevelProblem(row.code, kind, null) : null;
      if (codeShape && !/^\d{12}$/.test(row.code)) problems.unshift(codeShape);
      fail(row, "invalid_field", problems.join("；"));
      continue;
    }
    const seen = firstLine.get(row.code);
    if (seen !== undefined) {
      fail(row, "duplicate_code", `代码 ${row.code} 与第 ${seen} 行重复`);
      continue;
    }
    firstLine.set(row.code, row.line);
    if (stored.has(row.code) && !chainOf(stored, row.code).includes(scope)) {
      fail(row, "out_of_scope", `单位 ${row.code} 已存在且不在您的管辖范围 ${scope} 之内，不能修改或移动`);
      continue;
    }
    incoming.set(row.code, {
      row,
      unit: {
        code: row.code,
        name: row.name,
        kind: kind!,
        parentCode: row.parentCode || null,
        households: households!,
        population: population!,
        shops: shops!,
        students: students!,
        targetN: targetN!,
      },
    });
  }
  // A row that failed on its own must not be taken as "unknown" by its children.
  const brokenCodes = new Set(errors.map((e) => e.code));

  // 2. The hierarchy as it would be after the import.
  const final = new Map(stored);
  for (const [code, { unit }] of incoming) final.set(code, unit);

  const inCycle = new Set<string>();
  for (const [code, { row }] of incoming) {
    const path = new Set<string>([code]);
    let cursor = final.get(code)?.parentCode ?? null;
    while (cursor !== null && final.has(cursor) && !path.has(cursor)) {
      path.add(cursor);
      cursor = final.get(cursor)!.parentCode;
    }
    if (cursor === code) {
      inCycle.add(code);
      fail(row, "cycle", `上级关系形成循环：${[...path].join(" → ")} → ${code}`);
    }
  }

  const storedRoot = [...stored.values()].find((u) => u.parentCode === null);
  const children = new Map<string, string[]>();
  for (const u of final.values()) if (u.parentCode) children.set(u.parentCode, [...(children.get(u.parentCode) ?? []), u.code]);

  for (const [code, { row, unit }] of incoming) {
    if (inCycle.has(code)) continue;
    const parent = unit.parentCode === null ? null : final.get(unit.parentCode);
    if (unit.parentCode !== null && !parent) {
      if (!brokenCodes.has(unit.parentCode)) fail(row, "unknown_parent", `上级代码 ${unit.parentCode} 既不在文件中也不在系统中`);
      continue;
    }
    // Before the kind and level checks, whose messages would describe the parent: a new or
    // moved unit must hang below a parent inside the scope (stored units were checked above).
    const before = stored.get(code);
    const placed = !before || before.parentCode !== unit.parentCode;
    if (placed && unit.parentCode !== null && !chainOf(final, unit.parentCode).includes(scope)) {
      fail(row, "out_of_scope", `单位 ${code} 的上级 ${unit.parentCode} 不在您的管辖范围 ${scope} 之内`);
      continue;
    }
    if (
      unit.parentCode === null &&
      ((storedRoot && storedRoot.code !== code) || [...incoming.values()].some((o) => o.unit.parentCode === null && o.row.line < row.line))
    ) {
      fail(row, "second_root", `只能有一个顶级单位（已有 ${storedRoot?.code ?? "文件中的另一行"}）；请填写上级代码`);
      continue;
    }
    const parentKind = parent?.kind ?? null;
    if (!PARENT_KINDS[unit.kind].includes(parentKind)) {
      const allowed = PARENT_KINDS[unit.kind].map((k) => (k ? KIND_LABEL[k] : "无上级")).join("或");
      fail(
        row,
        "code_level",
        `${KIND_LABEL[unit.kind]}的上级应为${allowed}，而 ${unit.parentCode ?? "（空）"} 是${parentKind ? KIND_LABEL[parentKind] : "无"}`,
      );
      continue;
    }
    const levelProblem = codeLevelProblem(code, unit.kind, unit.parentCode);
    if (levelProblem) {
      fail(row, "code_level", levelProblem);
      continue;
    }
    // A changed kind must still fit the stored children the file does not mention.
    if (before && before.kind !== unit.kind) {
      const misfit = (children.get(code) ?? []).find((c) => !incoming.has(c) && !PARENT_KINDS[final.get(c)!.kind].includes(unit.kind));
      if (misfit) {
        fail(row, "code_level", `已有下级 ${misfit}（${KIND_LABEL[final.get(misfit)!.kind]}）不能挂在${KIND_LABEL[unit.kind]}之下`);
      }
    }
  }

  // 3. What would change: rows with an error are listed only as errors, never as adds or changes.
  const failedLines = new Set(errors.map((e) => e.line));
  const adds: ImportPlan["adds"] = [];
  const changes: ImportChange[] = [];
  let unchanged = 0;
  for (const [code, { row, unit }] of incoming) {
    if (failedLines.has(row.line)) continue;
    const before = stored.get(code);
    if (!before) {
      adds.push({ ...unit, line: row.line });
      continue;
    }
    const fields = FIELDS.filter((f) => before[f] !== unit[f]);
    if (fields.length === 0) unchanged += 1;
    else changes.push({ code, line: row.line, before, after: unit, fields: [...fields] });
  }
  errors.sort((a, b) => a.line - b.line);
  return { rows: rows.length, adds, changes, unchanged, errors };
}

/** Ancestors of `code` including itself, nearest first, in the hierarchy `graph`. */
export function chainOf(graph: Map<string, Pick<UnitFields, "parentCode">>, code: string): string[] {
  const chain: string[] = [];
  let cursor: string | null = code;
  while (cursor !== null && chain.length < 64) {
    chain.push(cursor);
    cursor = graph.get(cursor)?.parentCode ?? null;
  }
  return chain;
}
