import { describe, expect, it } from "vitest";
import { uuidV4, uuidV7, UUID_V4_PATTERN, UUID_V7_PATTERN } from "../../web/lib/uuid";

describe("uuidV4", () => {
  it("makes RFC 4122 version-4 ids", () => {
    for (let i = 0; i < 500; i++) expect(uuidV4()).toMatch(UUID_V4_PATTERN);
  });

  it("sets version and variant bits whatever the random bytes are", () => {
    expect(uuidV4((b) => b.fill(0xff))).toBe("ffffffff-ffff-4fff-bfff-ffffffffffff");
    expect(uuidV4((b) => b.fill(0x00))).toBe("00000000-0000-4000-8000-000000000000");
  });

  it("does not repeat", () => {
    const ids = new Set(Array.from({ length: 2000 }, () => uuidV4()));
    expect(ids.size).toBe(2000);
  });

  it("works without crypto (old in-app browsers)", () => {
    const saved = Object.getOwnPropertyDescriptor(globalThis, "crypto");
    Object.defineProperty(globalThis, "crypto", { value: undefined, configurable: true });
    try {
      expect(uuidV4()).toMatch(UUID_V4_PATTERN);
    } finally {
      if (saved) Object.defineProperty(globalThis, "crypto", saved);
    }
  });
});

describe("uuidV7", () => {
  it("makes RFC 9562 version-7 ids that the server's contract accepts", async () => {
    const { submitResponseSchema } = await import("../../server/contracts/responses");
    const id = uuidV7();
    expect(id).toMatch(UUID_V7_PATTERN);
    expect(submitResponseSchema.shape.id.safeParse(id).success).toBe(true);
  });

  it("starts with the millisecond time, so later ids sort after earlier ones", () => {
    const at = Date.parse("2026-11-22T08:00:00.000Z");
    const id = uuidV7(undefined, at);
    expect(parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(at);
    const ids = [uuidV7(undefined, at), uuidV7(undefined, at), uuidV7(undefined, at + 1), uuidV7(undefined, at + 1000)];
    expect([...ids].sort()).toEqual(ids);
  });

  it("counts up within one millisecond whatever the random bytes are", () => {
    const at = Date.parse("2026-11-22T08:00:00.000Z");
    const high = Array.from({ length: 5 }, () => uuidV7((b) => b.fill(0xff), at));
    expect([...high].sort()).toEqual(high);
    expect(new Set(high).size).toBe(5);
    for (const id of high) expect(id).toMatch(UUID_V7_PATTERN);
  });

  it("does not repeat", () => {
    const ids = new Set(Array.from({ length: 5000 }, () => uuidV7()));
    expect(ids.size).toBe(5000);
  });
});
