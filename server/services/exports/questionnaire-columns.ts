/**
 * The answer columns of an export: every question of every stored version of one questionnaire,
 * read from the SurveyJS JSON (pages and panels nest elements). A question asked in any version
 * gets one column (a multi-choice question one 0/1 column per choice), so answers given to an
 * old version land under the same heading as the current one's.
 */

/** How a column's cells are written. */
export type ColumnKind = "single" | "multi" | "boolean" | "number" | "text";

export interface Choice {
  /** The stored value, as a string key ("1" and 1 are one choice, as SurveyJS compares them). */
  key: string;
  value: unknown;
  label: string;
}

export interface AnswerColumn {
  /** The variable name: `question`, `question_choice` (multi) or `question_other` (其他 text). */
  name: string;
  /** The answers key it reads. */
  question: string;
  /** Chinese label: the question title, with the choice for a multi-choice column. */
  label: string;
  kind: ColumnKind;
  /** single: the choices; boolean: true then false; multi: the one choice of this column. */
  choices: Choice[];
}

type Json = Record<string, unknown>;

/** SurveyJS text: a string or `{default, "zh-cn", …}`; Chinese first. */
export function localText(value: unknown, fallback: string): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object") {
    const t = value as Record<string, unknown>;
    const text = t["zh-cn"] ?? t.default ?? Object.values(t).find((v) => typeof v === "string");
    if (typeof text === "string") return text;
  }
  return fallback;
}

/** Element types that hold no answer. */
const NO_ANSWER = new Set(["html", "image", "expression", "panel", "paneldynamic"]);
const SINGLE = new Set(["radiogroup", "dropdown", "imagepicker"]);
const MULTI = new Set(["checkbox", "tagbox"]);

function choicesOf(q: Json): Choice[] {
  const list = Array.isArray(q.choices) ? q.choices : [];
  const out: Choice[] = list.map((c) => {
    if (c && typeof c === "object") {
      const item = c as Json;
      return { key: String(item.value), value: item.value, label: localText(item.text, String(item.value)) };
    }
    return { key: String(c), value: c, label: String(c) };
  });
  if (q.showOtherItem === true || q.hasOther === true) out.push({ key: "other", value: "other", label: localText(q.otherText, "其他") });
  if (q.showNoneItem === true || q.hasNone === true) out.push({ key: "none", value: "none", label: localText(q.noneText, "以上都没有") });
  return out;
}

function kindOf(q: Json): ColumnKind {
  const type = String(q.type);
  if (SINGLE.has(type)) return "single";
  if (MULTI.has(type)) return "multi";
  if (type === "boolean") return "boolean";
  if (type === "rating" || (type === "text" && q.inputType === "number")) return "number";
  return "text";
}

interface Question {
  name: string;
  label: string;
  kind: ColumnKind;
  choices: Choice[];
  other: boolean;
}

function questionsOf(json: Json): Question[] {
  const found: Question[] = [];
  const walk = (elements: unknown) => {
    if (!Array.isArray(elements)) return;
    for (const e of elements) {
      if (!e || typeof e !== "object") continue;
      const el = e as Json;
      walk(el.elements);
      walk(el.templateElements);
      if (typeof el.name !== "string" || NO_ANSWER.has(String(el.type))) continue;
      const kind = kindOf(el);
      const choices =
        kind === "boolean"
          ? [
              { key: String(el.valueTrue ?? true), value: el.valueTrue ?? true, label: localText(el.labelTrue, "是") },
              { key: String(el.valueFalse ?? false), value: el.valueFalse ?? false, label: localText(el.labelFalse, "否") },
            ]
          : kind === "single" || kind === "multi"
            ? choicesOf(el)
            : [];
      found.push({ name: el.name, label: localText(el.title, el.name), kind, choices, other: choices.some((c) => c.key === "other") });
    }
  };
  walk(json.pages);
  walk(json.elements);
  return found;
}

/** A variable name SPSS and R accept: letters, digits and `_`, starting with a letter. */
function variableName(raw: string): string {
  const name = raw.replace(/[^0-9A-Za-z_]/g, "_");
  return /^[A-Za-z]/.test(name) ? name : `q_${name}`;
}

/**
 * The columns of a questionnaire over its versions, newest first: the current version's order,
 * then questions only older versions asked. A choice known to any version keeps its newest label.
 * Names never repeat one another or `reservedNames` (the metadata columns), case-insensitively.
 *
 * @example answerColumns([currentJson, olderJson]) // [{ name: "knows_campaign", kind: "single", … }, …]
 */
export function answerColumns(versionsNewestFirst: Json[], reservedNames: readonly string[] = []): AnswerColumn[] {
  const merged = new Map<string, Question>();
  for (const json of versionsNewestFirst) {
    for (const q of questionsOf(json)) {
      const seen = merged.get(q.name);
      if (!seen) {
        merged.set(q.name, { ...q, choices: [...q.choices] });
        continue;
      }
      for (const c of q.choices) if (!seen.choices.some((s) => s.key === c.key)) seen.choices.push(c);
      seen.other ||= q.other;
    }
  }
  const columns: AnswerColumn[] = [];
  const used = new Set(reservedNames.map((n) => n.toLowerCase()));
  const unique = (raw: string) => {
    let name = variableName(raw);
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${variableName(raw)}_${i}`;
    used.add(name.toLowerCase());
    return name;
  };
  for (const q of merged.values()) {
    if (q.kind === "multi") {
      for (const c of q.choices)
        columns.push({
          name: unique(`${q.name}_${c.key}`),
          question: q.name,
          label: `${q.label}：${c.label}`,
          kind: "multi",
          choices: [c],
        });
    } else {
      columns.push({ name: unique(q.name), question: q.name, label: q.label, kind: q.kind, choices: q.choices });
    }
    // SurveyJS keeps the text of 其他（请注明） under `<name>-Comment`.
    if (q.other)
      columns.push({
        name: unique(`${q.name}_other`),
        question: `${q.name}-Comment`,
        label: `${q.label}：其他（请注明）`,
        kind: "text",
        choices: [],
      });
  }
  return columns;
}
