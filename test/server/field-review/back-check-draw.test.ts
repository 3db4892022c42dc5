/**
 * Issue 16, part 5: the back-check draw is reproducible (same candidates, seed and earlier draws
 * give the same ids, in any order) and fair per interviewer (each gets ⌈share × n⌉ of their own
 * n interviews, earlier draws counted, never more than they had). The agreement rule is checked
 * on hand-made cases.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { agreementRate, backCheckQuestions, compareAnswers, sameAnswer } from "../../../server/services/field-review/agreement";
import { backCheckTarget, drawBackChecks, drawRanks } from "../../../server/services/field-review/back-check-draw";

const candidates = fc.uniqueArray(
  fc.record({
    id: fc.uuid(),
    interviewer: fc.constantFrom("zhang", "li", "wang", "zhao"),
    rank: fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 16, maxLength: 16 }),
  }),
  { selector: (c) => c.id, maxLength: 120 },
);
const share = fc.double({ min: 0, max: 1, noNaN: true });

describe("the back-check draw", () => {
  it("gives every interviewer ⌈share × n⌉ of their own interviews, earlier draws included", () => {
    fc.assert(
      fc.property(candidates, share, fc.double({ min: 0, max: 1, noNaN: true }), (cs, s, earlierShare) => {
        const earlier = new Set(cs.filter((_, i) => i < cs.length * earlierShare * 0.2).map((c) => c.id));
        const drawn = new Set(drawBackChecks(cs, earlier, s));
        for (const who of new Set(cs.map((c) => c.interviewer))) {
          const own = cs.filter((c) => c.interviewer === who);
          const before = own.filter((c) => earlier.has(c.id)).length;
          const now = own.filter((c) => drawn.has(c.id)).length;
          expect(before + now).toBe(Math.max(before, backCheckTarget(s, own.length)));
        }
        for (const id of drawn) expect(earlier.has(id)).toBe(false);
      }),
    );
  });

  it("is reproducible: the same inputs in any order give the same ids, and a second draw adds nothing", () => {
    fc.assert(
      fc.property(candidates, share, fc.integer(), (cs, s, seed) => {
        const shuffled = [...cs].sort((a, b) => ((a.id.charCodeAt(seed & 7) ^ seed) & 15) - ((b.id.charCodeAt(seed & 7) ^ seed) & 15));
        const first = drawBackChecks(cs, new Set(), s);
        expect(drawBackChecks(shuffled, new Set(), s)).toEqual(first);
        expect(drawBackChecks(cs, new Set(first), s)).toEqual([]);
      }),
    );
  });

  it("takes the lowest keyed ranks, and the keyed rank depends on the seed and the id only", async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    const a = await drawRanks("seed-a", ids);
    expect(await drawRanks("seed-a", [...ids].reverse())).toEqual(a);
    expect([...(await drawRanks("seed-b", ids)).values()]).not.toEqual([...a.values()]);
    const cs = ids.map((id) => ({ id, interviewer: "zhang", rank: a.get(id)! }));
    const lowest = [...cs]
      .sort((x, y) => (x.rank < y.rank ? -1 : 1))
      .slice(0, 2)
      .map((c) => c.id)
      .sort();
    expect(drawBackChecks(cs, new Set(), 0.1)).toEqual(lowest);
  });

  it("rounds the target up without float noise", () => {
    expect(backCheckTarget(0.1, 30)).toBe(3);
    expect(backCheckTarget(0.1, 31)).toBe(4);
    expect(backCheckTarget(0.1, 1)).toBe(1);
    expect(backCheckTarget(0, 50)).toBe(0);
    expect(backCheckTarget(1, 7)).toBe(7);
    expect(backCheckTarget(0.07, 100)).toBe(7);
  });
});

describe("agreement", () => {
  it("compares the set questions the checker got an answer to, multiple choice as a set", () => {
    const original = { q1: "yes", q2: ["a", "b"], q3: 4, q4: "often", other: "x" };
    expect(backCheckQuestions(["q0", "q1", "q2", "q3", "q4", "q5", "q6"], original)).toEqual(["q1", "q2", "q3", "q4"]);
    expect(backCheckQuestions(["a", "b", "c", "d", "e", "f"], { a: 1, b: 1, c: 1, d: 1, e: 1, f: 1 })).toEqual(["a", "b", "c", "d", "e"]);
    expect(sameAnswer(["a", "b"], ["b", "a"])).toBe(true);
    expect(sameAnswer(4, "4")).toBe(false);
    expect(compareAnswers(["q1", "q2", "q3", "q4"], original, { q1: "yes", q2: ["b", "a"], q3: 5 })).toEqual({ compared: 3, matched: 2 });
    expect(
      agreementRate([
        { matched: 2, compared: 3 },
        { matched: 3, compared: 3 },
      ]),
    ).toBeCloseTo(5 / 6, 12);
    expect(agreementRate([])).toBeNull();
  });
});
