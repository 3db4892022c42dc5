import { describe, expect, it } from "vitest";
import { uuidV4, UUID_V4_PATTERN } from "../../web/lib/uuid";

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
