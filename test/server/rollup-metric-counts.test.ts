import { createClient } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { parseCounts, parseMetricCounts, serializeCounts } from "../../server/services/rollups/rollup-counts";

/**
 * The all-audience rates read takes `m` from SQLite (json_extract) instead of parsing the whole
 * counts text (issue 18): the sums must be exactly those of parseCounts, for current rows and for
 * rows written before §7 (five numbers per metric; unknown sums stored as null read as NaN).
 */
describe("parseMetricCounts over json_extract(counts, '$.m')", () => {
  const current = serializeCounts({
    m: { awareness: [3, 5, 4, 0, 0, 9, 6, 7], satisfaction: [2, 4, 3, 11, 4, 8, 5, 6] },
    q: { q1: [3, 2], q2: [4, 1] },
    b: { "18_29": { awareness: [1, 2, 1, 4, 1, 2] } },
  });
  const legacy = JSON.stringify({ m: { awareness: [3, 5, 4, 0, 0], participation: [1, 1, 1, 0, 0, null, null, null] }, q: {} });
  const cases = [
    ["a current row", current],
    ["a row written before §7", legacy],
    ["a row without metrics", JSON.stringify({ m: {}, q: { q1: [0, 0] } })],
  ] as const;

  it.each(cases)("gives the metric sums of parseCounts for %s", async (_, text) => {
    const client = createClient({ url: ":memory:" });
    try {
      const { rows } = await client.execute({ sql: "select json_extract(?, '$.m') as m", args: [text] });
      const viaSql = parseMetricCounts(rows[0]!.m as string | null);
      expect(viaSql.m).toEqual(parseCounts(text).m);
      expect(viaSql.q).toEqual({});
      expect(viaSql.b).toBeUndefined();
    } finally {
      client.close();
    }
  });

  it("keeps unknown sums unknown: NaN, not 0", async () => {
    const client = createClient({ url: ":memory:" });
    try {
      const { rows } = await client.execute({ sql: "select json_extract(?, '$.m') as m", args: [legacy] });
      const m = parseMetricCounts(rows[0]!.m as string | null).m;
      expect(m.awareness!.slice(5)).toEqual([Number.NaN, Number.NaN, Number.NaN]);
      expect(m.participation!.slice(0, 3)).toEqual([1, 1, 1]);
      expect(Number.isNaN(m.participation![7])).toBe(true);
    } finally {
      client.close();
    }
  });
});
