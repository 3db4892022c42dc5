import { and, eq, inArray } from "drizzle-orm";
import { MAX_REGISTER_ROWS, type RegisterKind } from "../../contracts/register";
import type { Database } from "../../db/client";
import { registerEntries, unitClosure, units, users } from "../../db/schema";
import type { DrizzleTx } from "../../db/sql-executor";
import { writeTransaction } from "../../db/write-transaction";
import { chunk } from "../../lib/chunk";
import { auditInsert } from "../admin/audit";
import { doorOf } from "./door-key";
import type { RegisterImportRow } from "./register-import-file";

export type RegisterErrorReason =
  | "invalid_field"
  | "unknown_unit"
  | "not_community"
  | "out_of_scope"
  | "duplicate_door"
  | "unknown_interviewer"
  | "too_many_rows";

export interface RegisterRowError {
  line: number;
  reason: RegisterErrorReason;
  message: string;
}

export interface RegisterAdd {
  line: number;
  unitCode: string;
  kind: RegisterKind;
  label: string;
  doorKey: string;
  building: string | null;
  unitNo: string | null;
  room: string | null;
  address: string | null;
  shopName: string | null;
  assignedTo: string | null;
}

export interface RegisterChange {
  line: number;
  id: string;
  unitCode: string;
  label: string;
  assignedBefore: string | null;
  assignedTo: string | null;
}

export interface RegisterPlan {
  rows: number;
  adds: RegisterAdd[];
  changes: RegisterChange[];
  unchanged: number;
  errors: RegisterRowError[];
}

const KIND_ALIASES: Record<string, RegisterKind> = {
  household: "household",
  户: "household",
  住户: "household",
  居民户: "household",
  shop: "shop",
  商铺: "shop",
  店铺: "shop",
  沿街商铺: "shop",
};

/**
 * Checks a register file against what is stored, without writing: the doors it would add, the
 * assignments it would change, and every bad row with its line and reason. A door already in the
 * register (the same normalised key in the same community) is unchanged, so importing the same
 * file twice adds nothing. Every row's community must stand inside `scope`; nothing is deleted.
 */
export async function planRegisterImport(db: Database | DrizzleTx, rows: RegisterImportRow[], scope: string): Promise<RegisterPlan> {
  const errors: RegisterRowError[] = [];
  const fail = (row: RegisterImportRow, reason: RegisterErrorReason, message: string) => errors.push({ line: row.line, reason, message });
  if (rows.length > MAX_REGISTER_ROWS) {
    return {
      rows: rows.length,
      adds: [],
      changes: [],
      unchanged: 0,
      errors: [{ line: 1, reason: "too_many_rows", message: `一次最多导入 ${MAX_REGISTER_ROWS} 行，请分成几个文件` }],
    };
  }
  const codes = [...new Set(rows.map((r) => r.unitCode).filter(Boolean))];
  const kindOf = new Map<string, string>();
  for (const part of chunk(codes, 500)) {
    for (const u of await db.select({ code: units.code, kind: units.kind }).from(units).where(inArray(units.code, part)).all()) {
      kindOf.set(u.code, u.kind);
    }
  }
  const inScope = new Set<string>();
  for (const part of chunk(codes, 500)) {
    const found = await db
      .select({ code: unitClosure.descendant })
      .from(unitClosure)
      .where(and(eq(unitClosure.ancestor, scope), inArray(unitClosure.descendant, part)))
      .all();
    for (const f of found) inScope.add(f.code);
  }
  const assignees = await assigneeScopes(db, rows);

  const stored = new Map<string, { id: string; assignedTo: string | null; label: string }>();
  const goodCodes = codes.filter((c) => inScope.has(c) && kindOf.get(c) === "community");
  for (const part of chunk(goodCodes, 200)) {
    for (const e of await db
      .select({
        id: registerEntries.id,
        unitCode: registerEntries.unitCode,
        doorKey: registerEntries.doorKey,
        assignedTo: registerEntries.assignedTo,
        label: registerEntries.label,
      })
      .from(registerEntries)
      .where(inArray(registerEntries.unitCode, part))
      .all()) {
      stored.set(`${e.unitCode} ${e.doorKey}`, e);
    }
  }

  const seen = new Map<string, number>();
  const adds: RegisterAdd[] = [];
  const changes: RegisterChange[] = [];
  let unchanged = 0;
  for (const row of rows) {
    const kind = KIND_ALIASES[row.kind.trim().toLowerCase()];
    if (!row.unitCode) {
      fail(row, "invalid_field", "社区代码为空");
      continue;
    }
    if (!kindOf.has(row.unitCode)) {
      fail(row, "unknown_unit", `社区代码 ${row.unitCode} 不在系统中`);
      continue;
    }
    if (!inScope.has(row.unitCode)) {
      fail(row, "out_of_scope", `社区 ${row.unitCode} 不在您的管辖范围 ${scope} 之内`);
      continue;
    }
    if (kindOf.get(row.unitCode) !== "community") {
      fail(row, "not_community", `${row.unitCode} 不是社区/村：住户和商铺名册只能挂在社区/村下`);
      continue;
    }
    if (!kind) {
      fail(row, "invalid_field", "类型应为 household / shop（或 住户 / 商铺）");
      continue;
    }
    const tooLong = [row.building, row.unitNo, row.room, row.shopName].some((v) => v.length > 100) || row.address.length > 200;
    const door = tooLong
      ? null
      : doorOf({ kind, building: row.building, unitNo: row.unitNo, room: row.room, address: row.address, shopName: row.shopName });
    if (!door) {
      fail(
        row,
        "invalid_field",
        kind === "shop" ? "商铺应填写地址或店名" : "住户应填写楼栋和房号，或地址（各项不超过 100 字，地址不超过 200 字）",
      );
      continue;
    }
    const assignedTo = row.assignedTo === undefined ? undefined : row.assignedTo || null;
    if (assignedTo && !(assignees.get(assignedTo) ?? []).includes(row.unitCode)) {
      fail(row, "unknown_interviewer", `调查员 ${assignedTo} 不存在、已停用或其范围不含社区 ${row.unitCode}`);
      continue;
    }
    const id = `${row.unitCode} ${door.key}`;
    const first = seen.get(id);
    if (first !== undefined) {
      fail(row, "duplicate_door", `${door.label} 与第 ${first} 行是同一户（同一社区）`);
      continue;
    }
    seen.set(id, row.line);
    const existing = stored.get(id);
    if (existing) {
      if (assignedTo !== undefined && assignedTo !== existing.assignedTo) {
        changes.push({
          line: row.line,
          id: existing.id,
          unitCode: row.unitCode,
          label: existing.label,
          assignedBefore: existing.assignedTo,
          assignedTo,
        });
      } else unchanged += 1;
      continue;
    }
    const { key, ...shown } = door;
    adds.push({ line: row.line, unitCode: row.unitCode, kind, doorKey: key, ...shown, assignedTo: assignedTo ?? null });
  }
  errors.sort((a, b) => a.line - b.line);
  return { rows: rows.length, adds, changes, unchanged, errors };
}

/** Interviewers named in the file, each with the communities of the file that lie in their scope. */
async function assigneeScopes(db: Database | DrizzleTx, rows: RegisterImportRow[]): Promise<Map<string, string[]>> {
  const names = [...new Set(rows.map((r) => r.assignedTo).filter((n): n is string => !!n))];
  const out = new Map<string, string[]>();
  for (const part of chunk(names, 500)) {
    const found = await db
      .select({ username: users.username, scope: users.scope })
      .from(users)
      .where(and(inArray(users.username, part), eq(users.role, "interviewer"), eq(users.disabled, false)))
      .all();
    for (const u of found) {
      const codes = [...new Set(rows.filter((r) => r.assignedTo === u.username).map((r) => r.unitCode))];
      const covered: string[] = [];
      for (const c of chunk(codes, 500)) {
        const hits = await db
          .select({ code: unitClosure.descendant })
          .from(unitClosure)
          .where(and(eq(unitClosure.ancestor, u.scope), inArray(unitClosure.descendant, c)))
          .all();
        covered.push(...hits.map((h) => h.code));
      }
      out.set(u.username, covered);
    }
  }
  return out;
}

/**
 * Plans and writes a register file in one write transaction (the checks read what the writes
 * change): every row or none. A plan with errors writes nothing and is returned for the caller
 * to refuse; one with nothing to add or change writes nothing either (no audit entry).
 */
export async function importRegister(
  db: Database,
  rows: RegisterImportRow[],
  scope: string,
  actor: string,
  now: Date,
): Promise<RegisterPlan> {
  return writeTransaction(db, async (tx) => {
    const plan = await planRegisterImport(tx, rows, scope);
    if (plan.errors.length > 0 || (plan.adds.length === 0 && plan.changes.length === 0)) return plan;
    const createdAt = now.toISOString();
    const values = plan.adds.map(({ line: _line, ...a }) => ({
      id: crypto.randomUUID(),
      ...a,
      source: "import" as const,
      createdBy: actor,
      createdAt,
    }));
    // 13 columns a row: 2,000 rows stay under SQLite's 32,766 bound variables.
    for (const part of chunk(values, 2000)) await tx.insert(registerEntries).values(part);
    const byAssignee = new Map<string | null, string[]>();
    for (const c of plan.changes) byAssignee.set(c.assignedTo, [...(byAssignee.get(c.assignedTo) ?? []), c.id]);
    for (const [assignedTo, ids] of byAssignee) {
      for (const part of chunk(ids, 500)) await tx.update(registerEntries).set({ assignedTo }).where(inArray(registerEntries.id, part));
    }
    const touched = [...new Set([...plan.adds, ...plan.changes].map((r) => r.unitCode))];
    await auditInsert(
      tx,
      {
        actor,
        action: "register.import",
        target: `${plan.adds.length} added, ${plan.changes.length} changed`,
        // Large files keep the first thousand rows of each list; the counts are exact.
        after: {
          added: plan.adds.length,
          changed: plan.changes.length,
          adds: plan.adds.slice(0, 1000),
          changes: plan.changes.slice(0, 1000),
        },
        scopeUnit: touched.length === 1 ? touched[0]! : scope,
      },
      now,
    );
    return plan;
  });
}
