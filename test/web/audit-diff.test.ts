import { describe, expect, it } from "vitest";
import { changedFields, importCounts } from "../../web/features/admin/lib/audit-diff";

describe("changedFields", () => {
  it("lists only the fields that changed, nested ones by dotted path", () => {
    const before = { username: "li", role: "office", scope: "500104001000", disabled: false, own: { threshold: { awareness: 0.9 } } };
    const after = { username: "li", role: "admin", scope: "500104001000", disabled: true, own: { threshold: { awareness: 0.85 } } };
    expect(changedFields(before, after)).toEqual([
      { path: "role", before: "office", after: "admin" },
      { path: "disabled", before: false, after: true },
      { path: "own.threshold.awareness", before: 0.9, after: 0.85 },
    ]);
  });
  it("counts a field present on one side only, and lists everything set by a creation", () => {
    expect(changedFields({ revokedAt: null }, { revokedAt: "2026-12-01T00:00:00Z", reason: "丢失" })).toEqual([
      { path: "revokedAt", before: null, after: "2026-12-01T00:00:00Z" },
      { path: "reason", before: undefined, after: "丢失" },
    ]);
    expect(changedFields(null, { username: "wang", role: "interviewer" }).map((c) => c.path)).toEqual(["username", "role"]);
  });
  it("treats arrays as single values", () => {
    expect(changedFields({ list: [1, 2] }, { list: [1, 2] })).toEqual([]);
    expect(changedFields({ list: [1, 2] }, { list: [1, 3] })).toEqual([{ path: "list", before: [1, 2], after: [1, 3] }]);
  });
});

describe("importCounts", () => {
  it("reads an import's stored counts, and nothing else's", () => {
    expect(importCounts("units.import", { added: 3, changed: 1, adds: [] })).toEqual({ added: 3, changed: 1 });
    expect(importCounts("users.update", { added: 3, changed: 1 })).toBeNull();
    expect(importCounts("units.import", null)).toBeNull();
  });
});
