import { seededRng } from "../../helpers/answer-generator";
import type { CrashTrialResult } from "./crash-trial";

/** A random kill point between 10% and 90% of the run, reproducible from the seed. */
export function killPoint(seed: number, responses: number): number {
  const rng = seededRng(seed ^ 0x5eed);
  return Math.max(1, Math.floor(responses * (0.1 + 0.8 * rng())));
}

/** Everything a trial must show; an empty list means nothing was lost, doubled or miscounted. */
export function checkTrial(r: CrashTrialResult): string[] {
  const problems: string[] = [];
  if (r.ackedBeforeKill < r.killAfter) problems.push(`killed before the kill point (${r.ackedBeforeKill} < ${r.killAfter})`);
  if (r.storedRows !== r.responses) problems.push(`${r.storedRows} rows stored for ${r.responses} submissions`);
  if (r.missing > 0) problems.push(`${r.missing} acknowledged responses missing`);
  if (r.unexpected > 0) problems.push(`${r.unexpected} stored responses never acknowledged`);
  if (r.replayedOther > 0) problems.push(`${r.replayedOther} replays of acknowledged responses not 200 duplicate`);
  if (r.replayedDuplicates !== r.ackedBeforeKill) problems.push("not every pre-kill acknowledgement was replayed");
  if (r.conflicts > 0) problems.push(`${r.conflicts} conflicts (409)`);
  if (r.otherErrors.length > 0) problems.push(`other answers: ${r.otherErrors.slice(0, 5).join(", ")}`);
  if (!r.rollupsMatchRebuild) problems.push("rollups differ from a rebuild");
  return problems;
}
