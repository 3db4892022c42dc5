import { describe, expect, it } from "vitest";
import { BLOCK_END, BLOCK_START, renderResults, replaceResultsBlock } from "../../bench/lib/results-markdown";

const at = new Date("2026-11-22T03:00:00Z");

describe("npm run bench writes its results into docs/benchmarks.md", () => {
  it("renders one table per bench with a row per reported result", () => {
    const block = renderResults(
      [
        { bench: "validation", survey: "resident", compiledUsPerResponse: 27.4, speedup: 559 },
        { bench: "validation", survey: "parent", compiledUsPerResponse: 16, speedup: 904 },
        { bench: "ingest", oursRps: 2578, ratioPerRound: [1.16, 1.4] },
      ],
      at,
      "2 × cpu",
    );
    expect(block).toContain("| survey | compiledUsPerResponse | speedup |");
    expect(block).toContain("| resident | 27.4 | 559 |");
    expect(block).toContain("| parent | 16 | 904 |");
    expect(block).toContain("| 2,578 | 1.16 / 1.4 |");
    expect(block).toContain("_2026-11-22 03:00 UTC, 2 × cpu_");
  });

  it("appends the block to a file without markers, and replaces it on the next run", () => {
    const doc = "# Benchmarks\n\nprose\n";
    const first = replaceResultsBlock(doc, renderResults([{ bench: "ingest", oursRps: 1 }], at, "m"));
    expect(first.startsWith(doc.trimEnd())).toBe(true);
    expect(first).toContain(BLOCK_START);
    expect(first).toContain(BLOCK_END);
    const second = replaceResultsBlock(first, renderResults([{ bench: "ingest", oursRps: 2 }], at, "m"));
    expect(second).toContain("| 2 |");
    expect(second).not.toContain("| 1 |");
    expect(second.match(/<!-- bench:ingest -->/g)).toHaveLength(1);
  });

  it("keeps the sections of benches a partial run (BENCH_ONLY) did not include", () => {
    const full = replaceResultsBlock(
      "# B\n",
      renderResults(
        [
          { bench: "ingest", oursRps: 1 },
          { bench: "rates", cityMs: 25.6 },
        ],
        at,
        "m",
      ),
    );
    const partial = replaceResultsBlock(full, renderResults([{ bench: "ingest", oursRps: 3 }], at, "m"));
    expect(partial).toContain("| 3 |");
    expect(partial).toContain("| 25.6 |");
    expect(partial).not.toContain("| 1 |");
  });
});
