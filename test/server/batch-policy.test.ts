import { describe, expect, it } from "vitest";
import { batchSize, DEFAULT_BATCH_LIMITS, shouldLinger } from "../../server/services/ingest/batch-policy";
import { ingestLingerMs, DEFAULT_INGEST_LINGER_MS } from "../../server/edge/shard-settings";

const items = (...bytes: number[]) => bytes.map((b) => ({ bytes: b }));

describe("the writer's batch size", () => {
  it("takes everything queued up to the count cap", () => {
    expect(batchSize(items(1, 1, 1), { maxCount: 256, maxBytes: 1_000 })).toBe(3);
    expect(batchSize(items(...Array(300).fill(1)), { maxCount: 256, maxBytes: 1_000_000 })).toBe(256);
  });

  it("stops before the item that would pass the byte cap", () => {
    expect(batchSize(items(400, 400, 400), { maxCount: 256, maxBytes: 1_000 })).toBe(2);
    expect(batchSize(items(400, 600, 1), { maxCount: 256, maxBytes: 1_000 })).toBe(2);
  });

  it("always takes one, even one larger than the byte cap, so nothing waits forever", () => {
    expect(batchSize(items(5_000, 1), { maxCount: 256, maxBytes: 1_000 })).toBe(1);
    expect(batchSize([], { maxCount: 256, maxBytes: 1_000 })).toBe(0);
  });
});

describe("lingering (the ingest shards)", () => {
  it("waits only with a linger set, only after a batch of more than one, and never when the next batch is full", () => {
    expect(shouldLinger(4, 5, 3, DEFAULT_BATCH_LIMITS)).toBe(true);
    expect(shouldLinger(0, 5, 3, DEFAULT_BATCH_LIMITS)).toBe(false);
    // Idle: the batch before was one response (or there was none).
    expect(shouldLinger(4, 1, 3, DEFAULT_BATCH_LIMITS)).toBe(false);
    expect(shouldLinger(4, 0, 3, DEFAULT_BATCH_LIMITS)).toBe(false);
    expect(shouldLinger(4, 5, DEFAULT_BATCH_LIMITS.maxCount, DEFAULT_BATCH_LIMITS)).toBe(false);
  });

  it("reads INGEST_LINGER_MS as whole milliseconds up to 50, else the default", () => {
    expect(ingestLingerMs("0")).toBe(0);
    expect(ingestLingerMs("10")).toBe(10);
    for (const bad of [undefined, "", " ", "-1", "2.5", "51", "ten", 7])
      expect(ingestLingerMs(bad), String(bad)).toBe(DEFAULT_INGEST_LINGER_MS);
  });
});
