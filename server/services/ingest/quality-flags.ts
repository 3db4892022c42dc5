/**
 * Quality flags for self-filled (QR) responses, added to the abuse flags of docs/design.md §4:
 * - `too_fast`: completed in less than `minSecondsPerAnswer` seconds per answered question
 *   (reading a Chinese question and its options takes longer than that);
 * - `straight_line`: at least `straightlineMin` answered questions that share one choice list
 *   (e.g. the ten 满意度 items) all carry the same answer.
 * A flag only keeps the response out of the rates until someone reviews it; nothing is dropped.
 */
export interface QualityLimits {
  minSecondsPerAnswer: number;
  straightlineMin: number;
}

interface Element {
  type?: string;
  name?: string;
  choices?: unknown[];
  rateValues?: unknown[];
  rateMin?: number;
  rateMax?: number;
  elements?: Element[];
}

const CHOICE_TYPES = new Set(["radiogroup", "dropdown", "rating"]);
const groupsCache = new WeakMap<object, string[][]>();

/** Names of single-choice questions grouped by identical choice lists (groups of two or more). */
function choiceGroups(json: Record<string, unknown>): string[][] {
  const cached = groupsCache.get(json);
  if (cached) return cached;
  const byChoices = new Map<string, string[]>();
  const visit = (elements: Element[] | undefined) => {
    for (const el of elements ?? []) {
      if (Array.isArray(el.elements)) visit(el.elements);
      if (!el.name || !CHOICE_TYPES.has(el.type ?? "")) continue;
      const list = el.choices ?? el.rateValues ?? (el.type === "rating" ? [`${el.rateMin ?? 1}..${el.rateMax ?? 5}`] : undefined);
      if (!list) continue;
      const key = JSON.stringify(list.map((c) => (c && typeof c === "object" ? (c as { value?: unknown }).value : c)));
      byChoices.set(key, [...(byChoices.get(key) ?? []), el.name]);
    }
  };
  for (const page of (json.pages as { elements?: Element[] }[] | undefined) ?? []) visit(page.elements);
  const groups = [...byChoices.values()].filter((g) => g.length > 1);
  groupsCache.set(json, groups);
  return groups;
}

export function qualityFlags(
  surveyJson: Record<string, unknown>,
  answers: Record<string, unknown>,
  times: { startedAt: string; completedAt: string },
  limits: QualityLimits,
): string[] {
  const flags: string[] = [];
  const answered = Object.entries(answers).filter(([k, v]) => !k.endsWith("-Comment") && v !== null && v !== undefined && v !== "").length;
  const seconds = (Date.parse(times.completedAt) - Date.parse(times.startedAt)) / 1000;
  if (limits.minSecondsPerAnswer > 0 && answered > 0 && seconds < limits.minSecondsPerAnswer * answered) flags.push("too_fast");
  if (limits.straightlineMin > 0) {
    for (const group of choiceGroups(surveyJson)) {
      const values = group
        .filter((name) => answers[name] !== undefined && answers[name] !== null)
        .map((name) => JSON.stringify(answers[name]));
      if (values.length >= limits.straightlineMin && values.every((v) => v === values[0])) {
        flags.push("straight_line");
        break;
      }
    }
  }
  return flags;
}
