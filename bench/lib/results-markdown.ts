/** Renders bench result lines (bench/lib/report.ts) as markdown tables, one per bench. */
export type BenchResult = { bench: string } & Record<string, unknown>;

export const BLOCK_START = "<!-- npm run bench: start -->";
export const BLOCK_END = "<!-- npm run bench: end -->";

const cell = (value: unknown): string => {
  if (typeof value === "number") return Number.isInteger(value) ? value.toLocaleString("en") : String(value);
  if (Array.isArray(value)) return value.map(cell).join(" / ");
  if (value !== null && typeof value === "object") return JSON.stringify(value);
  return String(value ?? "");
};

/** The block for one run; a bench's section holds every result it reported, one row each, and when and where. */
export function renderResults(results: readonly BenchResult[], at: Date, machine: string): string {
  const when = `_${at.toISOString().slice(0, 16).replace("T", " ")} UTC, ${machine}_`;
  const byBench = new Map<string, BenchResult[]>();
  for (const r of results) byBench.set(r.bench, [...(byBench.get(r.bench) ?? []), r]);
  const sections = [...byBench].map(([bench, rows]) => {
    const keys = [...new Set(rows.flatMap((r) => Object.keys(r).filter((k) => k !== "bench")))];
    return [
      `<!-- bench:${bench} -->`,
      `### ${bench}`,
      "",
      when,
      "",
      `| ${keys.join(" | ")} |`,
      `|${keys.map(() => "---").join("|")}|`,
      ...rows.map((r) => `| ${keys.map((k) => cell(r[k])).join(" | ")} |`),
      `<!-- /bench:${bench} -->`,
    ].join("\n");
  });
  return sections.join("\n\n");
}

/**
 * Puts a run's block between the markers. Benches that this run did not include keep the
 * sections the file already had (BENCH_ONLY runs a subset).
 */
export function replaceResultsBlock(doc: string, block: string): string {
  const start = doc.indexOf(BLOCK_START);
  const end = doc.indexOf(BLOCK_END);
  if (start < 0 || end < start) return `${doc.trimEnd()}\n\n## Latest \`npm run bench\`\n\n${BLOCK_START}\n${block}\n${BLOCK_END}\n`;
  const previous = doc.slice(start + BLOCK_START.length, end);
  const kept = [...previous.matchAll(/<!-- bench:([\w-]+) -->[\s\S]*?<!-- \/bench:\1 -->/g)].filter(
    (m) => !block.includes(`<!-- bench:${m[1]} -->`),
  );
  const merged = kept.length > 0 ? `${block}\n\n${kept.map((m) => m[0]).join("\n\n")}` : block;
  return `${doc.slice(0, start)}${BLOCK_START}\n${merged}\n${doc.slice(end)}`;
}
