/**
 * `npm test` after the build: every vitest project, in three processes at once (lanes).
 *
 * vitest runs one worker on a two-core machine, so a single process leaves a core idle. Measured
 * alone here (`npx vitest run --project P`): e2e ~525 s, unit ~250 s, edge + edge-contract ~165 s,
 * reliability ~145 s; the differential ~630 s on CI. The lanes: the browser tests; the
 * differential, then the edge projects; unit and reliability. They end within a minute of each
 * other (757 / 801 / 815 s in a fresh-clone run). The edge projects share one lane because several
 * workerd at once on a small machine restart each other; there is only ever one Chromium. Each
 * lane is one vitest process, so the projects' own rules (one file at a time for e2e, reliability
 * and edge) still hold.
 *
 * Every project in vite.config.ts must be in exactly one lane: a new project fails the run here
 * until it is placed, rather than silently not running.
 *
 * Arguments are passed to every lane. `--outputFile.json=F` (as .ci/run gives it) makes each lane
 * write its own report, merged into F afterwards so one file still says what passed. The lane
 * marked `stream` prints as it goes; the others are printed after it, never interleaved.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import config from "../../vite.config";

interface Lane {
  name: string;
  projects: string[];
  stream: boolean;
}

const LANES: Lane[] = [
  { name: "browser", projects: ["e2e"], stream: true },
  { name: "differential and edge", projects: ["differential", "edge-contract", "edge"], stream: false },
  { name: "server", projects: ["unit", "reliability"], stream: false },
];

function configuredProjects(): string[] {
  const projects = (config as { test?: { projects?: { test?: { name?: string } }[] } }).test?.projects ?? [];
  return projects.map((p) => p.test?.name ?? "(unnamed)");
}

const placed = LANES.flatMap((l) => l.projects);
const configured = configuredProjects();
const unplaced = configured.filter((p) => !placed.includes(p));
const unknown = placed.filter((p) => !configured.includes(p));
const twice = placed.filter((p, i) => placed.indexOf(p) !== i);
if (unplaced.length || unknown.length || twice.length) {
  console.error(
    `test/runner/run-all.ts: lanes do not match vite.config.ts (not placed: ${unplaced.join(", ") || "none"}; ` +
      `unknown: ${unknown.join(", ") || "none"}; in two lanes: ${twice.join(", ") || "none"})`,
  );
  process.exit(1);
}

const args = process.argv.slice(2);
const jsonArg = args.find((a) => a.startsWith("--outputFile.json="));
const jsonOut = jsonArg?.slice("--outputFile.json=".length);
const rest = args.filter((a) => a !== jsonArg);
const scratch = mkdtempSync(join(tmpdir(), "cw-test-"));
const reportOf = (lane: Lane) => join(scratch, `${lane.projects[0]}.json`);

function start(lane: Lane): Promise<{ code: number; output: string; seconds: number }> {
  const began = Date.now();
  const projectArgs = lane.projects.flatMap((p) => ["--project", p]);
  const reportArgs = jsonOut ? [`--outputFile.json=${reportOf(lane)}`] : [];
  const child = spawn("npx", ["vitest", "run", ...projectArgs, ...rest, ...reportArgs], {
    stdio: lane.stream ? "inherit" : ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  return new Promise((resolve) =>
    child.on("close", (code) => resolve({ code: code ?? 1, output, seconds: Math.round((Date.now() - began) / 1000) })),
  );
}

const results = await Promise.all(LANES.map(start));
LANES.forEach((lane, i) => {
  if (!lane.stream) process.stdout.write(`\n── vitest lane: ${lane.name} (${lane.projects.join(", ")}) ──\n${results[i]!.output}`);
});
console.log(`\nlanes: ${LANES.map((l, i) => `${l.name} ${results[i]!.seconds} s (exit ${results[i]!.code})`).join("; ")}`);

if (jsonOut) {
  // vitest's JSON report (Jest's shape): counts add up, test files are listed together.
  // A lane that crashed may have written no report: it still fails the run, and says so below.
  const reports = LANES.map((lane, i) => {
    try {
      return JSON.parse(readFileSync(reportOf(lane), "utf8"));
    } catch {
      console.log(`lane ${lane.name} wrote no test report (exit ${results[i]!.code})`);
      return { success: false, testResults: [] };
    }
  });
  const merged = { ...reports[0] };
  for (const key of Object.keys(merged)) {
    if (key.startsWith("num") && typeof merged[key] === "number") merged[key] = reports.reduce((s, r) => s + (r[key] ?? 0), 0);
  }
  merged.success = reports.every((r) => r.success);
  merged.startTime = Math.min(...reports.map((r) => r.startTime));
  merged.testResults = reports.flatMap((r) => r.testResults ?? []);
  writeFileSync(jsonOut, JSON.stringify(merged));
  printFailures(merged.testResults);
}
// A lane can fail with every test passed (an unhandled error after a test, a crash of the
// process): its last lines say why, here at the end where a truncated CI log still shows them.
LANES.forEach((lane, i) => {
  const { code, output } = results[i]!;
  if (code !== 0) console.log(`\n── lane ${lane.name} exited ${code}; its last lines ──\n${output.split("\n").slice(-40).join("\n")}`);
});
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);

/** Each failed test with the first lines of its message, last in the log. */
function printFailures(files: { name?: string; assertionResults?: { status: string; fullName?: string; failureMessages?: string[] }[] }[]) {
  const failed = files.flatMap((f) =>
    (f.assertionResults ?? [])
      .filter((a) => a.status === "failed")
      .map((a) => ({ file: f.name ?? "?", test: a.fullName ?? "?", message: a.failureMessages?.[0] ?? "" })),
  );
  if (failed.length === 0) return;
  console.log(`\n── ${failed.length} failed ──`);
  for (const f of failed)
    console.log(`✗ ${f.file.replace(`${process.cwd()}/`, "")} > ${f.test}\n    ${f.message.split("\n").slice(0, 6).join("\n    ")}`);
}
