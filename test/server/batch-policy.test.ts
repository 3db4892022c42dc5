import { describe, expect, it } from "vitest";
import { batchSize } from "../../server/services/ingest/batch-policy";

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
