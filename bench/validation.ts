/**
 * Validation bench (docs/benchmarks.md, "Validation"): time per response of the compiled
 * validator against survey-core with a reused model, on the same answer sets, in one run.
 *
 *   npx tsx bench/validation.ts
 */
import { shippedSurveys } from "../surveys/index";
import { compileValidator } from "../server/services/surveys/validation/compiled-validator";
import { createSurveyCoreValidator } from "../server/services/surveys/validation/survey-core-validator";
import { generateAnswers, seededRng } from "../test/helpers/answer-generator";
import { describeQuestions, perturbAnswers } from "../test/helpers/answer-perturber";
import { median } from "./lib/load";
import { report } from "./lib/report";

const SETS = Number(process.env.BENCH_SETS ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

for (const { id, json } of shippedSurveys) {
  const rng = seededRng(3);
  const bases = Array.from({ length: 100 }, () => generateAnswers(json, rng));
  const questions = describeQuestions(json);
  // Half as a SurveyJS page sends them, half broken in some way.
  const sets = Array.from({ length: SETS }, (_, i) => (i % 2 === 0 ? bases[i % 100]! : perturbAnswers(questions, bases[i % 100]!, rng)));
  const compiled = compileValidator(json)!;
  const reference = createSurveyCoreValidator(json);
  const time = (validate: (a: Record<string, unknown>) => unknown, count: number) => {
    const t = performance.now();
    for (let i = 0; i < count; i++) validate(sets[i % sets.length]!);
    return ((performance.now() - t) * 1000) / count; // microseconds per response
  };
  time(compiled, SETS); // warm-up (JIT)
  time(reference, 200);
  const compiledUs: number[] = [];
  const referenceUs: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const c = time(compiled, SETS);
    const s = time(reference, Math.min(SETS, 400));
    compiledUs.push(c);
    referenceUs.push(s);
    ratios.push(s / c);
  }
  report("validation", {
    survey: id,
    sets: SETS,
    compiledUsPerResponse: +median(compiledUs).toFixed(1),
    surveyCoreUsPerResponse: Math.round(median(referenceUs)),
    speedup: Math.round(median(ratios)),
  });
}
