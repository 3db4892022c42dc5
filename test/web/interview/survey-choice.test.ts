import { describe, expect, it } from "vitest";
import { surveysFor } from "../../../web/features/interview/lib/catalog";

const survey = (id: string, audience: string, retiredAt: string | null = null) => ({
  id,
  version: 1,
  audience,
  title: `${id}问卷`,
  retiredAt,
});

describe("which questionnaires an interviewer is offered at a leaf", () => {
  const list = [
    survey("resident", "resident"),
    survey("shopkeeper", "shopkeeper"),
    survey("parent", "parent"),
    survey("parent-winter", "parent"),
    survey("resident-2025", "resident", "2026-12-01T00:00:00.000Z"),
  ];
  it("by audience: parents' at schools, the others in communities; a survey made in the editor among them", () => {
    expect(surveysFor("school", list).map((s) => s.id)).toEqual(["parent", "parent-winter"]);
    expect(surveysFor("community", list).map((s) => s.id)).toEqual(["resident", "shopkeeper"]);
  });
  it("never a retired survey; a catalog cached before retiredAt existed counts as in use", () => {
    expect(surveysFor("community", list).map((s) => s.id)).not.toContain("resident-2025");
    const cached = [{ id: "resident", version: 1, audience: "resident", title: "居民问卷" }] as unknown as Parameters<typeof surveysFor>[1];
    expect(surveysFor("community", cached).map((s) => s.id)).toEqual(["resident"]);
  });
});
