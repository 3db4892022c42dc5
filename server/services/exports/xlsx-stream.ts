import { Zip, ZipDeflate } from "fflate";
import { NativeDeflateFile } from "./native-deflate-file";
import { type Cell, neutraliseText } from "./formula-safe";

/** One worksheet: a name, a header row (bold, frozen) and its rows, produced in batches. */
export interface XlsxSheet {
  name: string;
  header: string[];
  rows: AsyncIterable<Cell[][]> | Iterable<Cell[][]>;
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Characters XML 1.0 forbids (controls other than tab, LF, CR; U+FFFE/F; lone surrogates). */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to remove.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_SPECIAL = /[&<>"]/;

function escapeXml(text: string): string {
  const clean = text.replace(NOT_XML, "");
  if (!XML_SPECIAL.test(clean)) return clean;
  return clean.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A, B, …, Z, AA, … for column index 0, 1, … */
function columnLetters(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Cell references per column, computed once per sheet rather than once per cell. */
function letters(count: number): string[] {
  return Array.from({ length: count }, (_, i) => columnLetters(i));
}

function rowXml(cells: readonly Cell[], r: number, refs: string[], style = ""): string {
  let xml = `<row r="${r}">`;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell === null || cell === undefined) continue;
    const ref = refs[i] ?? columnLetters(i);
    if (typeof cell === "number") {
      if (Number.isFinite(cell)) xml += `<c r="${ref}${r}"${style}><v>${cell}</v></c>`;
      continue;
    }
    xml += `<c r="${ref}${r}" t="inlineStr"${style}><is><t xml:space="preserve">${escapeXml(neutraliseText(cell))}</t></is></c>`;
  }
  return `${xml}</row>`;
}

function staticParts(sheets: readonly XlsxSheet[]): [string, string][] {
  const sheetList = sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  const sheetRels = sheets
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join("");
  const overrides = sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join("");
  return [
    [
      "[Content_Types].xml",
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${overrides}</Types>`,
    ],
    [
      "_rels/.rels",
      `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    ["xl/workbook.xml", `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${sheetList}</sheets></workbook>`],
    [
      "xl/_rels/workbook.xml.rels",
      `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${sheetRels}<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
    ],
    [
      "xl/styles.xml",
      `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}"><fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>`,
    ],
  ];
}

const SHEET_HEAD = `${XML_HEAD}<worksheet xmlns="${MAIN_NS}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>`;
const SHEET_TAIL = "</sheetData></worksheet>";

/**
 * An XLSX workbook as a byte stream, written row batch by row batch: SpreadsheetML with inline
 * strings (no shared-string table to hold in memory) in fflate's streaming ZIP, the sheets
 * deflated by the runtime's CompressionStream; both run on web APIs only, so the Worker can send it too. Pull-driven: the next batch is read only
 * when the client has taken the bytes before it, so memory holds about one batch.
 *
 * @example new Response(xlsxStream([{ name: "答卷", header: ["编号"], rows: batches }]))
 */
export function xlsxStream(sheets: readonly XlsxSheet[]): ReadableStream<Uint8Array> {
  const chunks = xlsxChunks(sheets);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

async function* xlsxChunks(sheets: readonly XlsxSheet[]): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else if (data.length > 0) ready.push(data);
  });
  function* drain() {
    if (failure) throw failure;
    // One joined chunk per drain: fewer, larger writes to the socket.
    if (ready.length === 0) return;
    const size = ready.reduce((n, c) => n + c.length, 0);
    const joined = new Uint8Array(size);
    let at = 0;
    for (const c of ready.splice(0)) {
      joined.set(c, at);
      at += c.length;
    }
    yield joined;
  }
  for (const [name, xml] of staticParts(sheets)) {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(encoder.encode(xml), true);
  }
  yield* drain();
  for (const [i, sheet] of sheets.entries()) {
    // The sheets are nearly all of the bytes: deflated natively (native-deflate-file.ts).
    const file = new NativeDeflateFile(`xl/worksheets/sheet${i + 1}.xml`);
    zip.add(file);
    const refs = letters(sheet.header.length);
    await file.write(encoder.encode(SHEET_HEAD + rowXml(sheet.header, 1, refs, ' s="1"')));
    let r = 2;
    for await (const batch of sheet.rows) {
      let xml = "";
      for (const cells of batch) xml += rowXml(cells, r++, refs);
      await file.write(encoder.encode(xml));
      yield* drain();
    }
    await file.write(encoder.encode(SHEET_TAIL));
    await file.end();
    yield* drain();
  }
  zip.end();
  yield* drain();
}
