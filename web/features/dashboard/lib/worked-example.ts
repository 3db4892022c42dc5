import {
  designVariance,
  effectiveSize,
  funnelLimits,
  normalQuantile,
  reliabilityOf,
  respondentsStillNeeded,
  wilson,
  type Reliability,
  type RespondentAnswers,
} from "./precision";

/** A community's answers to one metric: `allPositive` respondents answer all questions positively, the rest none. */
export interface ExampleInput {
  respondents: number;
  questions: number;
  allPositive: number;
  threshold: number;
}

export interface ExampleFigures {
  respondents: number;
  questions: number;
  allPositive: number;
  answers: number;
  positive: number;
  rate: number;
  /** Wilson on the answers, as if every answer were an independent respondent: too narrow. */
  naiveInterval: [number, number];
  variance: number;
  nEff: number;
  /** Answers per effective respondent: how much the naive count overstates the sample. */
  designEffect: number;
  interval: [number, number];
  reliability: Reliability;
  neededN: number | null;
  funnel95: [number, number];
}

function respondentsOf(input: ExampleInput): RespondentAnswers[] {
  return Array.from({ length: input.respondents }, (_, i) => ({ a: input.questions, y: i < input.allPositive ? input.questions : 0 }));
}

/** The §7 figures of an example community, computed with the formulas the server uses. */
export function exampleFigures(input: ExampleInput): ExampleFigures {
  const people = respondentsOf(input);
  const answers = input.respondents * input.questions;
  const positive = input.allPositive * input.questions;
  const rate = positive / answers;
  const variance = designVariance(people) ?? 0;
  const nEff = effectiveSize(rate, variance, input.respondents);
  const interval = wilson(rate, nEff);
  const limits = funnelLimits(input.threshold, nEff);
  return {
    respondents: input.respondents,
    questions: input.questions,
    allPositive: input.allPositive,
    answers,
    positive,
    rate,
    naiveInterval: wilson(rate, answers),
    variance,
    nEff,
    designEffect: answers / nEff,
    interval,
    reliability: reliabilityOf(rate, nEff, interval),
    neededN: respondentsStillNeeded(rate, input.threshold, input.respondents, nEff),
    funnel95: [limits.lo95, limits.hi95],
  };
}

/**
 * The methods page's worked example (统计方法说明): a community of 20 respondents answering four
 * 知晓率 questions at 90% (18 know everything, 2 nothing), and the same community at 85%, which
 * shows 还需 N 份样本. Computed live, so the page cannot drift from the formulas.
 */
export function workedExample(threshold = 0.9) {
  return {
    atThreshold: exampleFigures({ respondents: 20, questions: 4, allPositive: 18, threshold }),
    below: exampleFigures({ respondents: 20, questions: 4, allPositive: 17, threshold }),
    /** Bonferroni z of rank intervals among 10 units (§7): Φ⁻¹(1 − 0.025/10). */
    rankZ10: normalQuantile(1 - 0.025 / 10),
  };
}
