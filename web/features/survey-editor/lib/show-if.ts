/**
 * Show-if rules built by picking a question and some of its answers, and read back from the
 * expressions such a pick produces (and the same forms written by hand). Anything else stays a
 * raw SurveyJS expression, which the server parses and checks on save.
 *
 * @example
 * buildShowIf({ question: "knows_campaign", values: ["yes"], negate: false }) // "{knows_campaign} = 'yes'"
 * parseShowIf("{age_band} noneof ['under18', 'over65']") // { question: "age_band", values: [...], negate: true }
 */
import type { ChoiceValue } from "./survey-json";

export interface ShowIfRule {
  question: string;
  /** Show when the answer is one of these (a checkbox answer: contains one of them). */
  values: ChoiceValue[];
  /** Show when the answer is none of these instead. */
  negate: boolean;
}

function literal(value: ChoiceValue): string {
  if (typeof value === "string") return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  return String(value);
}

/** The expression of a rule; an empty pick gives "" (no rule: always shown). */
export function buildShowIf(rule: ShowIfRule): string {
  if (!rule.question || rule.values.length === 0) return "";
  const q = `{${rule.question}}`;
  if (rule.values.length === 1) return `${q} ${rule.negate ? "<>" : "="} ${literal(rule.values[0]!)}`;
  return `${q} ${rule.negate ? "noneof" : "anyof"} [${rule.values.map(literal).join(", ")}]`;
}

const NAME = String.raw`\{([A-Za-z_][A-Za-z0-9_]*)\}`;
const SCALAR = String.raw`'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false`;
const SINGLE = new RegExp(String.raw`^\s*${NAME}\s*(=|==|<>|!=|contains|notcontains)\s*(${SCALAR})\s*$`, "i");
const LIST = new RegExp(String.raw`^\s*${NAME}\s*(anyof|noneof)\s*\[\s*((?:(?:${SCALAR})\s*,?\s*)*)\]\s*$`, "i");
const ITEM = new RegExp(SCALAR, "gi");

function readScalar(text: string): ChoiceValue {
  if (text.startsWith("'") || text.startsWith('"')) return text.slice(1, -1).replace(/\\(.)/g, "$1");
  if (/^true$/i.test(text)) return true;
  if (/^false$/i.test(text)) return false;
  return Number(text);
}

/** The rule an expression says, when it is one of the builder's forms; null for anything else. */
export function parseShowIf(expression: string | undefined): ShowIfRule | null {
  if (!expression?.trim()) return null;
  const single = SINGLE.exec(expression);
  if (single) {
    const op = single[2]!.toLowerCase();
    return { question: single[1]!, values: [readScalar(single[3]!)], negate: op === "<>" || op === "!=" || op === "notcontains" };
  }
  const list = LIST.exec(expression);
  if (list) {
    const values = (list[3]!.match(ITEM) ?? []).map(readScalar);
    if (values.length === 0) return null;
    return { question: list[1]!, values, negate: list[2]!.toLowerCase() === "noneof" };
  }
  return null;
}
