import { describe, expect, it } from "vitest";
import bank from "../../../surveys/item-bank.json";
import { filterBank, type BankEntry } from "../../../web/features/survey-editor/lib/bank-filter";

const items = bank.items as (BankEntry & { id: string })[];
const ids = (list: { id: string }[]) => list.map((i) => i.id);

describe("item bank search", () => {
  it("finds items by words in the title, the question text or a choice, for an audience and a metric", () => {
    const garbage = filterBank(items, "垃圾分类", "resident", "");
    expect(garbage.length).toBeGreaterThan(1);
    expect(garbage.every((i) => i.audience.includes("resident"))).toBe(true);
    expect(ids(filterBank(items, "垃圾分类", "resident", "awareness"))).toEqual(["awareness-garbage-sorting"]);
    // A word only the question's text holds.
    expect(ids(filterBank(items, "如何投放", "", ""))).toContain("awareness-garbage-sorting");
  });
  it("keeps an audience's items to that audience and lists everything without filters", () => {
    expect(filterBank(items, "", "", "")).toHaveLength(items.length);
    expect(ids(filterBank(items, "", "shopkeeper", ""))).not.toContain("awareness-dog-rules");
    expect(filterBank(items, "没有这样的题目", "", "")).toEqual([]);
  });
});
