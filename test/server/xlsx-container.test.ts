/**
 * The XLSX container: fflate writes the ZIP, the runtime's CompressionStream deflates the sheets
 * (native-deflate-file.ts) with our CRC-32. Python's zipfile, an independent reader, checks every
 * entry's CRC and size; the project's spreadsheet reader reads every row back.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readSheet } from "read-excel-file/node";
import { afterAll, describe, expect, it } from "vitest";
import { Crc32 } from "../../server/lib/crc32";
import { xlsxStream } from "../../server/services/exports/xlsx-stream";

const PYTHON = "/root/.pyenv/shims/python3";
const dir = mkdtempSync(join(tmpdir(), "cw-xlsx-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("CRC-32", () => {
  it("gives the standard check value and is the same in pieces", () => {
    const whole = new Crc32();
    whole.update(new TextEncoder().encode("123456789"));
    expect(whole.value).toBe(0xcbf43926);
    const parts = new Crc32();
    for (const p of ["12", "3456", "789"]) parts.update(new TextEncoder().encode(p));
    expect(parts.value).toBe(0xcbf43926);
    expect(new Crc32().value).toBe(0);
  });
});

describe("xlsxStream", () => {
  it("writes a ZIP whose every entry passes zipfile's CRC check, with every row readable", async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => [`答卷${i}`, i, i % 3 === 0 ? "=cmd|' /C calc'!A0" : "非常满意"]);
    async function* batches() {
      for (let i = 0; i < rows.length; i += 500) yield rows.slice(i, i + 500);
    }
    const body = xlsxStream([
      { name: "答卷", header: ["编号", "序号", "满意度"], rows: batches() },
      { name: "说明", header: ["项目", "内容"], rows: [[["单位", "大渡口区"]]] },
    ]);
    const bytes = Buffer.from(await new Response(body).arrayBuffer());
    const file = join(dir, "t.xlsx");
    writeFileSync(file, bytes);
    const check = `
import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
print(json.dumps({"bad": z.testzip(), "names": z.namelist(), "sheet": z.getinfo("xl/worksheets/sheet1.xml").file_size}))`;
    const out = JSON.parse(execFileSync(PYTHON, ["-c", check, file], { encoding: "utf8" }));
    expect(out.bad).toBeNull();
    expect(out.names).toContain("xl/worksheets/sheet1.xml");
    expect(out.names).toContain("xl/worksheets/sheet2.xml");
    expect(out.sheet).toBeGreaterThan(bytes.length); // it was compressed

    const data = await readSheet(bytes, "答卷");
    expect(data).toHaveLength(rows.length + 1);
    expect(data[1]).toEqual(["答卷0", 0, "'=cmd|' /C calc'!A0"]);
    expect(data.at(-1)).toEqual([`答卷${rows.length - 1}`, rows.length - 1, "非常满意"]);
    expect(await readSheet(bytes, "说明")).toEqual([
      ["项目", "内容"],
      ["单位", "大渡口区"],
    ]);
  });
});
