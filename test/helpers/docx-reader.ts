/**
 * Reads a .docx back for tests: unzips it (fflate) and walks document.xml with a strict SAX
 * parser (saxen, which read-excel-file already brings), failing on any unbalanced or unfinished
 * markup, and returns the text of every paragraph as Word would show it (its w:t runs joined).
 */
import { strFromU8, unzipSync } from "fflate";
import { Parser } from "saxen";

export interface DocxContents {
  files: string[];
  documentXml: string;
  stylesXml: string;
  /** The text of each w:p, in order (table cells are paragraphs too). */
  paragraphs: string[];
}

/** Throws unless `xml` is one balanced element tree (SAX errors, unclosed or extra roots). */
export function checkWellFormed(xml: string): void {
  const parser = new Parser();
  let depth = 0;
  let roots = 0;
  parser.on("error", (err: Error) => {
    throw new Error(`malformed XML: ${err.message}`);
  });
  parser.on("openTag", (_name: string, _attrs: unknown, _decode: unknown, selfClosing: boolean) => {
    if (depth === 0) roots++;
    if (!selfClosing) depth++;
  });
  parser.on("closeTag", (_name: string, _decode: unknown, selfClosing: boolean) => {
    if (!selfClosing) depth--;
  });
  parser.parse(xml);
  if (depth !== 0) throw new Error(`malformed XML: ${depth} element(s) left open`);
  if (roots !== 1) throw new Error(`malformed XML: ${roots} root elements`);
}

function paragraphTexts(xml: string): string[] {
  const parser = new Parser();
  const out: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  parser.on("openTag", (name: string, _attrs: unknown, _decode: unknown, selfClosing: boolean) => {
    if (name === "w:p" && !selfClosing) current = [];
    if (name === "w:t" && !selfClosing) inText = true;
  });
  parser.on("closeTag", (name: string) => {
    if (name === "w:t") inText = false;
    if (name === "w:p" && current) {
      out.push(current.join(""));
      current = null;
    }
  });
  parser.on("text", (value: string, decode: (s: string) => string) => {
    if (inText && current) current.push(decode(value));
  });
  parser.parse(xml);
  return out;
}

export function readDocx(bytes: Uint8Array): DocxContents {
  const files = unzipSync(bytes);
  const documentXml = strFromU8(files["word/document.xml"]!);
  const stylesXml = strFromU8(files["word/styles.xml"]!);
  checkWellFormed(documentXml);
  checkWellFormed(stylesXml);
  return { files: Object.keys(files), documentXml, stylesXml, paragraphs: paragraphTexts(documentXml) };
}
