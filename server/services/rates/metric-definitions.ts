import { METRICS, type Metric } from "../../../surveys/properties";

export interface MetricQuestion {
  name: string;
  metric: Metric;
  title: string;
  positive: readonly unknown[];
  excluded: readonly unknown[];
  scores: Readonly<Record<string, number>> | null;
}

interface JsonElement {
  type?: string;
  name?: string;
  title?: unknown;
  metric?: unknown;
  positive?: unknown;
  excluded?: unknown;
  scores?: unknown;
  elements?: JsonElement[];
  templateElements?: JsonElement[];
}

/**
 * The metric questions of a survey version (docs/design.md §5), read from its JSON once. Values are
 * compared by strict equality with the stored answers, so "5" and 5 are different answers.
 */
export function extractMetricQuestions(json: Record<string, unknown>): MetricQuestion[] {
  const out: MetricQuestion[] = [];
  const visit = (elements: JsonElement[] | undefined) => {
    for (const el of elements ?? []) {
      if (typeof el.metric === "string" && (METRICS as readonly string[]).includes(el.metric) && el.name) {
        out.push({
          name: el.name,
          metric: el.metric as Metric,
          title: titleText(el.title) ?? el.name,
          positive: Array.isArray(el.positive) ? el.positive : [],
          excluded: Array.isArray(el.excluded) ? el.excluded : [],
          scores: isScoreMap(el.scores) ? el.scores : null,
        });
      }
      visit(el.elements);
    }
  };
  for (const page of (json.pages as JsonElement[] | undefined) ?? []) visit(page.elements);
  visit(json.elements as JsonElement[] | undefined);
  return out;
}

function titleText(title: unknown): string | undefined {
  if (typeof title === "string") return title;
  if (title && typeof title === "object") {
    const t = title as Record<string, string>;
    return t["zh-cn"] ?? t.default;
  }
  return undefined;
}

function isScoreMap(value: unknown): value is Record<string, number> {
  return !!value && typeof value === "object" && !Array.isArray(value) && Object.values(value).every((v) => typeof v === "number");
}

/** How one answer counts for its metric: left out, counted, counted as positive; and its score. */
export function classifyAnswer(question: MetricQuestion, value: unknown): { counted: boolean; positive: boolean; score: number | null } {
  if (value === undefined || value === null || value === "" || question.excluded.includes(value)) {
    return { counted: false, positive: false, score: null };
  }
  const score = question.scores?.[String(value)];
  return { counted: true, positive: question.positive.includes(value), score: score ?? null };
}
