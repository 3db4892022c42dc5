import type { Metric } from "../../../surveys/properties";
import type { SurveyRegistry } from "../surveys/survey-registry";
import type { DistributionChoice, DistributionKind } from "./distribution-questions";
import { keyValue, valueKey } from "../rollups/rollup-distributions";

/** A question as every published version of its survey knows it, newest first. */
export interface MergedQuestion {
  name: string;
  kind: DistributionKind;
  title: string;
  /** Choices of every version, keyed by value: the newest version's order, then older-only ones. */
  choices: Map<string, DistributionChoice>;
  profile: boolean;
  metric: Metric | null;
}

export interface MergedSurvey {
  id: string;
  title: string;
  questions: MergedQuestion[];
}

/**
 * The questions of every version of a survey, newest version's titles and texts first: a choice
 * (or question) removed later still has its label, so its counts still show under a name.
 */
export async function mergedSurvey(registry: SurveyRegistry, surveyId: string): Promise<MergedSurvey | undefined> {
  const current = await registry.getCurrent(surveyId);
  if (!current) return undefined;
  const byName = new Map<string, MergedQuestion>();
  for (let v = current.version; v >= 1; v--) {
    const survey = v === current.version ? current : await registry.get(surveyId, v);
    if (!survey) continue;
    const metricOf = new Map(survey.metricQuestions.map((q) => [q.name, q.metric]));
    for (const q of survey.distributionQuestions) {
      let merged = byName.get(q.name);
      if (!merged) {
        merged = {
          name: q.name,
          kind: q.kind,
          title: q.title,
          choices: new Map(),
          profile: q.profile,
          metric: metricOf.get(q.name) ?? null,
        };
        byName.set(q.name, merged);
      }
      for (const c of q.choices) if (!merged.choices.has(valueKey(c.value))) merged.choices.set(valueKey(c.value), c);
    }
  }
  return { id: current.id, title: current.title, questions: [...byName.values()] };
}

/** The choices to show for counted values: known ones in order, then any value no version defines. */
export function labelledValues(q: MergedQuestion, counted: Iterable<string>): { key: string; value: unknown; label: string }[] {
  const out = [...q.choices].map(([key, c]) => ({ key, value: c.value, label: c.text }));
  for (const key of counted) {
    if (q.choices.has(key)) continue;
    const value = keyValue(key);
    out.push({ key, value, label: String(value) });
  }
  return out;
}
