/**
 * Stored answers as people read them: each question by its title and each value by its choice
 * text, from the SurveyJS definition of the version that was answered. Used wherever office users
 * look at a single response (flag review, response search), so they never read raw codes.
 */

type Localised = string | Record<string, string> | undefined;

/** A SurveyJS text that may be localised (`{default, "zh-cn"}`). */
export function textOf(value: Localised, fallback = ""): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object") return value["zh-cn"] ?? value.default ?? Object.values(value)[0] ?? fallback;
  return fallback;
}

interface QuestionLabels {
  title: string;
  choices: Map<string, string>;
  labelTrue?: string;
  labelFalse?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Limits before recursion: a definition is ours, but a broken one must not hang the page. */
const MAX_DEPTH = 12;

function collect(elements: unknown, out: Map<string, QuestionLabels>, depth: number): void {
  if (!Array.isArray(elements) || depth > MAX_DEPTH) return;
  for (const e of elements) {
    if (!isRecord(e)) continue;
    if (typeof e.name === "string" && e.type !== "panel" && e.type !== "html") {
      const choices = new Map<string, string>();
      if (Array.isArray(e.choices)) {
        for (const c of e.choices) {
          if (isRecord(c)) choices.set(String(c.value), textOf(c.text as Localised, String(c.value)));
          else choices.set(String(c), String(c));
        }
      }
      const labels: QuestionLabels = { title: textOf(e.title as Localised, e.name), choices };
      if (e.type === "boolean") {
        labels.labelTrue = textOf(e.labelTrue as Localised, "是");
        labels.labelFalse = textOf(e.labelFalse as Localised, "否");
      }
      out.set(e.name, labels);
    }
    collect(e.elements, out, depth + 1);
    collect(e.templateElements, out, depth + 1);
  }
}

/** Question name → labels for every question of a definition. */
export function questionLabels(definition: unknown): Map<string, QuestionLabels> {
  const out = new Map<string, QuestionLabels>();
  if (!isRecord(definition) || !Array.isArray(definition.pages)) return out;
  for (const page of definition.pages) if (isRecord(page)) collect(page.elements, out, 0);
  return out;
}

function showOne(value: unknown, labels: QuestionLabels | undefined): string {
  if (typeof value === "boolean") return value ? (labels?.labelTrue ?? "是") : (labels?.labelFalse ?? "否");
  if (value === null || value === undefined) return "";
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return labels?.choices.get(text) ?? text;
}

/** One line per answered question, in questionnaire order; names the definition lacks come last, as they are. */
export function labelledAnswers(definition: unknown, answers: Record<string, unknown>): { question: string; answer: string }[] {
  const labels = questionLabels(definition);
  const order = new Map([...labels.keys()].map((name, i) => [name, i]));
  const position = (name: string) => order.get(name) ?? Number.MAX_SAFE_INTEGER;
  const entries = Object.entries(answers).sort(([a], [b]) => position(a) - position(b));
  return entries.map(([name, value]) => {
    const q = labels.get(name);
    const answer = Array.isArray(value) ? value.map((v) => showOne(v, q)).join("、") : showOne(value, q);
    return { question: q?.title ?? name, answer };
  });
}

/** The definition's title. */
export function surveyTitle(definition: unknown, fallback: string): string {
  return isRecord(definition) ? textOf(definition.title as Localised, fallback) : fallback;
}
