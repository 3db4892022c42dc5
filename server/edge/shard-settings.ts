/**
 * The ingest shards' own setting (a var in wrangler.toml): INGEST_LINGER_MS, how long a busy
 * shard lets its next batch fill before it starts (server/services/ingest/batch-policy.ts).
 */

/** Unset: measured in bench/worker-ingest.ts (docs/benchmarks.md, "Worker on sqld"). */
export const DEFAULT_INGEST_LINGER_MS = 4;

/** The linger from the var: an integer 0–50 ms; unset or unreadable, the default. */
export function ingestLingerMs(value: unknown): number {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n >= 0 && n <= 50 ? n : DEFAULT_INGEST_LINGER_MS;
}
