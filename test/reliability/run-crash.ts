/**
 * `npm run reliability:crash` - the full crash test: 5 trials of RESPONSES (default 5,000)
 * submissions from CLIENTS (default 50) concurrent clients, each SIGKILLed at a random point.
 * Prints one line per trial and exits non-zero if any trial lost, doubled or miscounted anything.
 *
 *   npm run reliability:crash                      # 5 x 5,000
 *   TRIALS=2 RESPONSES=1000 npm run reliability:crash
 */
import { runCrashTrial } from "./lib/crash-trial";
import { checkTrial, killPoint } from "./lib/crash-check";

const trials = Number(process.env.TRIALS ?? 5);
const responses = Number(process.env.RESPONSES ?? 5000);
const clients = Number(process.env.CLIENTS ?? 50);
const baseSeed = Number(process.env.SEED ?? Date.now() % 1_000_000);

let failed = 0;
console.log(`crash test: ${trials} trials x ${responses} responses, ${clients} clients, seed ${baseSeed}`);
for (let i = 0; i < trials; i++) {
  const seed = baseSeed + i;
  const killAfter = killPoint(seed, responses);
  const r = await runCrashTrial({ responses, clients, seed, killAfter, deadlineMs: 600_000 });
  const problems = checkTrial(r);
  if (problems.length > 0) failed++;
  console.log(
    [
      `trial ${i + 1}: seed ${seed}, killed after ${r.ackedBeforeKill} acks (target ${killAfter})`,
      `interrupted ${r.interrupted} (already committed: ${r.interruptedButCommitted})`,
      `replayed ${r.replayedDuplicates} -> 200`,
      `stored ${r.storedRows}/${r.responses}, missing ${r.missing}, unexpected ${r.unexpected}`,
      `rollups ${r.rollupRows} rows ${r.rollupsMatchRebuild ? "= rebuild" : "!= REBUILD"}`,
      `restart ${r.restartMs} ms, trial ${(r.totalMs / 1000).toFixed(1)} s`,
      problems.length ? `FAILED: ${problems.join("; ")}` : "ok",
    ].join(" | "),
  );
}
process.exit(failed > 0 ? 1 : 0);
