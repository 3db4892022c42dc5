/**
 * Rollup counts as flat number vectors, for the province seeder (bench only): every response of
 * a survey is drawn from a fixed pool of answer sets, so the union of their counts' and
 * distributions' entries (the layout) is known up front, and adding a response is adding one
 * Float64Array, not walking nested objects. `materialize` turns a vector back into the objects
 * the real serializers take; they drop zero entries, so the stored text is what summing the
 * objects would give (the seeder checks that against planRollups for one district).
 */
import { addDist, emptyDist, type DistCounts } from "../../server/services/rollups/rollup-distributions";
import { addCounts, emptyCounts, type RollupCounts } from "../../server/services/rollups/rollup-counts";

type Shape = unknown;

/** Visits the numbers of `shape` in a fixed order, reading the matching entry of `value` (missing: 0). */
function flatten(shape: Shape, value: unknown, out: number[]): void {
  if (typeof shape === "number") out.push(typeof value === "number" ? value : 0);
  else if (Array.isArray(shape)) for (let i = 0; i < shape.length; i++) out.push(Array.isArray(value) ? (value[i] ?? 0) : 0);
  else
    for (const k of Object.keys(shape as object)) {
      if (k === "xq") continue;
      flatten((shape as Record<string, Shape>)[k], (value as Record<string, unknown> | undefined)?.[k], out);
    }
}

/** The same walk, writing the vector's numbers into a copy of the shape. */
function fill(shape: Shape, vec: Float64Array, at: { i: number }): unknown {
  if (typeof shape === "number") return vec[at.i++]!;
  if (Array.isArray(shape)) return shape.map(() => vec[at.i++]!);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(shape as object))
    out[k] = k === "xq" ? [...((shape as Record<string, string[]>)[k] ?? [])] : fill((shape as Record<string, Shape>)[k], vec, at);
  return out;
}

export class RollupLayout {
  private readonly shape: { counts: RollupCounts; dist: DistCounts };
  readonly width: number;

  constructor(pool: readonly { counts: RollupCounts; dist: DistCounts }[]) {
    const counts = emptyCounts();
    const dist = emptyDist();
    // Adding with sign 0 creates every entry any answer set has, as zeros.
    for (const t of pool) {
      addCounts(counts, t.counts, 0);
      addDist(dist, t.dist, 0);
    }
    for (const t of pool)
      if (Object.keys(t.dist.x).length > 0 && t.dist.xq.join("|") !== dist.xq.join("|"))
        throw new Error("answer sets of one survey with different cross-tab columns");
    this.shape = { counts, dist };
    this.width = this.vector({ counts, dist }).length;
  }

  vector(t: { counts: RollupCounts; dist: DistCounts }): Float64Array {
    const out: number[] = [];
    flatten(this.shape, t, out);
    return Float64Array.from(out);
  }

  materialize(vec: Float64Array): { counts: RollupCounts; dist: DistCounts } {
    return fill(this.shape, vec, { i: 0 }) as { counts: RollupCounts; dist: DistCounts };
  }
}
