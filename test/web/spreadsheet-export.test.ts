/**
 * Issue 11, hole 8: formula injection in the CSV and XLSX exports. A unit named like a formula
 * goes into the hierarchy through the real import, comes back in /rates, and the ranking export
 * built from it (the dashboard's own functions) reads as text in a spreadsheet, never a formula.
 */
import Papa from "papaparse";
import { readSheet } from "read-excel-file/node";
import writeXlsxFile from "write-excel-file/node";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rankedUnits, rankingCells } from "../../web/features/dashboard/lib/ranking-rows";
import { toCsv, xlsxData } from "../../web/features/dashboard/lib/table-export";
import { csvField, neutraliseText, safeCell } from "../../web/lib/spreadsheet-cell";
import { DEMO, eligibleAnswers, qrBody } from "../helpers/fixtures";
import { createTestApp, type TestApp } from "../helpers/test-app";

const EVIL = '=HYPERLINK("http://evil.example/x","点击查看")';

/** The CSV as a spreadsheet program would split it (RFC 4180, BOM dropped). */
function parseCsv(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe("spreadsheet cells", () => {
  it("prefixes a quote to text that starts with = + - @ tab or CR, and quotes that field", () => {
    for (const text of ["=1+1", "+86 123", "-2", "@SUM(A1)", "\tx", "\rx", EVIL]) {
      expect(neutraliseText(text)).toBe(`'${text}`);
      expect(csvField(text)).toBe(`"'${text.replace(/"/g, '""')}"`);
    }
    for (const text of ["大渡口区", "新山村街道", "90%", "a=b", " =1", "", "'quoted"]) {
      expect(neutraliseText(text)).toBe(text);
    }
  });

  it("leaves numbers and empty cells alone: a negative number stays a number", () => {
    expect(safeCell(-5)).toBe(-5);
    expect(safeCell(-0.25)).toBe(-0.25);
    expect(safeCell(null)).toBeNull();
    expect(csvField(-5)).toBe("-5");
    expect(csvField(null)).toBe("");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(parseCsv(toCsv([["x", -5, null, "-5"]]))).toEqual([["x", "-5", "", "'-5"]]);
  });
});

describe("the ranking export of a unit named like a formula", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.close());

  async function rankingWithEvilUnit() {
    const admin = await t.login();
    const code = "500104001009";
    const csv = `code,name,kind,parent_code,households,population,target_n\n${code},"${EVIL.replace(/"/g, '""')}",community,${DEMO.xinshancun},,,\n`;
    const imported = await t.request("/api/v1/units/import", {
      method: "POST",
      body: csv,
      cookie: admin,
      headers: { "content-type": "text/csv" },
    });
    expect(imported.status).toBe(200);
    const poster = await t.createPoster(admin, code, "resident");
    const sent = await t.request("/api/v1/responses", { method: "POST", json: qrBody(poster.token, { answers: eligibleAnswers() }) });
    expect(sent.status).toBe(201);
    const rates = await (await t.request(`/api/v1/rates?unit=${DEMO.xinshancun}`, { cookie: admin })).json();
    const evil = rates.children.find((c: { unit: { code: string } }) => c.unit.code === code);
    expect(evil.unit.name).toBe(EVIL);
    const ranking = await (await t.request(`/api/v1/rates/ranking?unit=${DEMO.xinshancun}&metric=awareness`, { cookie: admin })).json();
    return { code, cells: rankingCells(rankedUnits(ranking, rates.children, "awareness"), "awareness") };
  }

  it("CSV: the name cell is the quoted text, every other cell as before", async () => {
    const { code, cells } = await rankingWithEvilUnit();
    const text = toCsv(cells);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example/x""`);
    const rows = parseCsv(text);
    const row = rows.find((r) => r[2] === code)!;
    expect(row[1]).toBe(`'${EVIL}`);
    expect(row[0]).toBe("1");
    // Rates stay plain numbers, the header row plain text.
    expect(Number.isFinite(Number(row[4]))).toBe(true);
    expect(rows[0]![1]).toBe("单位");
  });

  it("XLSX: the name cell is text with the quote, numbers stay numbers", async () => {
    const { code, cells } = await rankingWithEvilUnit();
    const withNegative = [...cells, [null, "-1 负数文本", "X", -3, -0.5, null, null, null, "—"]];
    const buffer = await writeXlsxFile(xlsxData(withNegative) as never, { sheet: "排名" }).toBuffer();
    const sheet = await readSheet(buffer);
    const row = sheet.find((r) => r[2] === code)!;
    expect(row[1]).toBe(`'${EVIL}`);
    const last = sheet.at(-1)!;
    expect(last[1]).toBe("'-1 负数文本");
    expect(last[3]).toBe(-3);
    expect(last[4]).toBe(-0.5);
  });
});
