/**
 * `npm run bench`: every bench/*.ts (except this file) in turn, each in its own process, then the
 * result lines they reported (bench/lib/report.ts) written into docs/benchmarks.md between the
 * "npm run bench" markers, with the date and the machine. `BENCH_ONLY=ingest,ids` runs a subset
 * (the other benches' results in the file are kept). The 10-minute soak (bench/soak.ts) runs only
 * when named: `BENCH_ONLY=soak npm run bench`.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { RESULT_PREFIX } from "./lib/report";
import { renderResults, replaceResultsBlock, type BenchResult } from "./lib/results-markdown";

const here = dirname(fileURLToPath(import.meta.url));
const docPath = join(here, "..", "docs", "benchmarks.md");
/** Benches too long for every `npm run bench`: run when BENCH_ONLY names them. */
const ON_REQUEST = new Set(["soak.ts"]);
const only = process.env.BENCH_ONLY?.split(",").map((s) => s.trim());
const files = readdirSync(here)
  .filter((f) => /^[a-z][\w-]*\.ts$/.test(f) && f !== "run-all.ts")
  .filter((f) => (only ? only.includes(f.replace(/\.ts$/, "")) : !ON_REQUEST.has(f)))
  .sort();

async function runBench(file: string): Promise<BenchResult[]> {
  console.log(`\n== bench/${file}`);
  const child = spawn(process.execPath, ["--import", "tsx", join(here, file)], { stdio: ["ignore", "pipe", "inherit"] });
  const results: BenchResult[] = [];
  for await (const line of createInterface({ input: child.stdout })) {
    console.log(line);
    if (line.startsWith(RESULT_PREFIX)) results.push(JSON.parse(line.slice(RESULT_PREFIX.length)) as BenchResult);
  }
  const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
  if (code !== 0) throw new Error(`bench/${file} exited with ${code}`);
  return results;
}

const results: BenchResult[] = [];
for (const file of files) results.push(...(await runBench(file)));

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const doc = readFileSync(docPath, "utf8");
writeFileSync(docPath, replaceResultsBlock(doc, renderResults(results, new Date(), machine)));
console.log(`\nwrote ${results.length} results to docs/benchmarks.md`);
