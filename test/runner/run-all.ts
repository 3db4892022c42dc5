/**
 * `npm test` after the build: every vitest project, in two processes at once. The differential
 * validation (docs/design.md: the compiled validator against survey-core on 30,000 answer sets)
 * is minutes of pure CPU and shares nothing with the rest, while vitest runs one worker on a
 * two-core machine; running it beside the other projects uses the second core and takes that
 * time off the wall clock. Its output is shown after the main run's, not interleaved with it.
 *
 * Arguments are passed to both runs. `--outputFile.json=F` (as .ci/run gives it) makes each run
 * write its own report, merged into F afterwards so one file still says what passed.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const args = process.argv.slice(2);
const jsonArg = args.find((a) => a.startsWith("--outputFile.json="));
const jsonOut = jsonArg?.slice("--outputFile.json=".length);
const rest = args.filter((a) => a !== jsonArg);
const scratch = mkdtempSync(join(tmpdir(), "cw-test-"));

interface Run {
  name: string;
  projects: string[];
  report: string;
  quiet: boolean;
}

const runs: Run[] = [
  { name: "differential", projects: ["differential"], report: join(scratch, "differential.json"), quiet: true },
  // Every other project (a new one is included without touching this file).
  { name: "main", projects: ["!differential"], report: join(scratch, "main.json"), quiet: false },
];

function start(run: Run): Promise<{ code: number; output: string }> {
  const projectArgs = run.projects.flatMap((p) => ["--project", p]);
  const reportArgs = jsonOut ? [`--outputFile.json=${run.report}`] : [];
  const child = spawn("npx", ["vitest", "run", ...projectArgs, ...rest, ...reportArgs], {
    stdio: run.quiet ? ["ignore", "pipe", "pipe"] : "inherit",
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code: code ?? 1, output })));
}

const results = await Promise.all(runs.map(start));
runs.forEach((run, i) => {
  if (run.quiet) process.stdout.write(`\n── vitest: ${run.name} ──\n${results[i]!.output}`);
});

if (jsonOut) {
  // vitest's JSON report (Jest's shape): counts add up, test files are listed together.
  const reports = runs.map((run) => JSON.parse(readFileSync(run.report, "utf8")));
  const merged = { ...reports[0] };
  for (const key of Object.keys(merged)) {
    if (key.startsWith("num") && typeof merged[key] === "number") merged[key] = reports.reduce((s, r) => s + (r[key] ?? 0), 0);
  }
  merged.success = reports.every((r) => r.success);
  merged.startTime = Math.min(...reports.map((r) => r.startTime));
  merged.testResults = reports.flatMap((r) => r.testResults ?? []);
  writeFileSync(jsonOut, JSON.stringify(merged));
}
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
