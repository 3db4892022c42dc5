/**
 * A bench's results, one object per line: `npm run bench` (bench/run-all.ts) collects these lines
 * from every bench's output and writes them into docs/benchmarks.md, so the figures there are the
 * ones the last full run printed.
 */
export const RESULT_PREFIX = "BENCH_RESULT ";

export function report(bench: string, result: Record<string, unknown>): void {
  console.log(RESULT_PREFIX + JSON.stringify({ bench, ...result }));
}
