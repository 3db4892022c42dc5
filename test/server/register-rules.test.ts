import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { doorOf } from "../../server/services/register/door-key";
import { emptyCounts, outcomeRates, summarise, type EntryVisit } from "../../server/contracts/register-dispositions";

describe("door keys", () => {
  it("gives one key to the same door however it was typed", () => {
    const key = (p: Parameters<typeof doorOf>[0]) => doorOf(p)?.key;
    const expected = "h|3|2|301";
    expect(key({ kind: "household", address: "3栋2单元301" })).toBe(expected);
    expect(key({ kind: "household", address: "3 栋 2 单元 301 室" })).toBe(expected);
    expect(key({ kind: "household", address: "３栋２单元３０１" })).toBe(expected);
    expect(key({ kind: "household", address: "3幢2单元301号" })).toBe(expected);
    expect(key({ kind: "household", address: "3-2-301" })).toBe(expected);
    expect(key({ kind: "household", building: "3", unitNo: "2", room: "301" })).toBe(expected);
    expect(key({ kind: "household", building: "03栋", unitNo: "2单元", room: "301室" })).toBe(expected);
    expect(doorOf({ kind: "household", building: "3", unitNo: "2", room: "301" })?.label).toBe("3栋2单元301");
  });

  it("keeps different doors apart", () => {
    const key = (address: string) => doorOf({ kind: "household", address })?.key;
    expect(key("3栋2单元301")).not.toBe(key("3栋2单元302"));
    expect(key("3栋2单元301")).not.toBe(key("3栋1单元301"));
    expect(key("3栋301")).not.toBe(key("3栋2单元301"));
    expect(doorOf({ kind: "shop", address: "滨江路12号", shopName: "张记面馆" })?.key).not.toBe(
      doorOf({ kind: "household", address: "滨江路12号" })?.key,
    );
    expect(doorOf({ kind: "household", building: "3" })).toBeNull();
    expect(doorOf({ kind: "shop", address: " " })).toBeNull();
  });

  it("ignores spacing and full-width digits for any door (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 101, max: 3299 }), (b, u, r) => {
        const plain = doorOf({ kind: "household", address: `${b}栋${u}单元${r}` })!.key;
        const wide = `${b} 栋 ${u} 单元 ${r}`.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
        return (
          doorOf({ kind: "household", address: wide })!.key === plain &&
          plain === doorOf({ kind: "household", building: String(b), unitNo: String(u), room: String(r) })!.key
        );
      }),
    );
  });
});

const v = (outcome: EntryVisit["outcome"], visitedAt: string): EntryVisit => ({ outcome, visitedAt });

describe("AAPOR dispositions", () => {
  it("maps an entry's visits to its final disposition", () => {
    expect(summarise([], 3)).toMatchObject({ attempts: 0, disposition: "not_attempted", aaporCode: "3.11" });
    expect(summarise([v("not_home", "2026-11-20T01:00:00Z")], 3)).toMatchObject({ disposition: "revisit", aaporCode: "2.24" });
    const threeTimes = [
      v("not_home", "2026-11-20T01:00:00Z"),
      v("not_home", "2026-11-21T11:00:00Z"),
      v("not_home", "2026-11-22T06:00:00Z"),
    ];
    expect(summarise(threeTimes, 3)).toMatchObject({ attempts: 3, disposition: "non_contact", lastVisitedAt: "2026-11-22T06:00:00Z" });
    expect(summarise(threeTimes, 4).disposition).toBe("revisit");
    // A converted refusal is the interview it became, whichever tablet sent which first.
    expect(summarise([v("completed", "2026-11-21T01:00:00Z"), v("refused", "2026-11-20T01:00:00Z")], 3)).toMatchObject({
      disposition: "complete",
      aaporCode: "1.1",
      lastOutcome: "completed",
    });
    expect(summarise([v("not_home", "2026-11-20T01:00:00Z"), v("refused", "2026-11-21T01:00:00Z")], 3).aaporCode).toBe("2.11");
    expect(summarise([v("not_home", "2026-11-20T01:00:00Z"), v("vacant", "2026-11-21T01:00:00Z")], 3).aaporCode).toBe("4.61");
    // 非目标户 is final at once, even on the first try and under the attempt limit.
    expect(summarise([v("not_eligible", "2026-11-20T01:00:00Z")], 3)).toMatchObject({
      attempts: 1,
      disposition: "not_eligible",
      aaporCode: "4.70",
    });
    expect(summarise([v("not_home", "2026-11-20T01:00:00Z"), v("not_eligible", "2026-11-21T01:00:00Z")], 3).aaporCode).toBe("4.70");
    // Someone answered, so the door is occupied: 非目标户 outranks a vacant finding, in either order.
    expect(summarise([v("vacant", "2026-11-21T01:00:00Z"), v("not_eligible", "2026-11-20T01:00:00Z")], 3).disposition).toBe("not_eligible");
    // A refusal stays a refusal: a later 非目标户 would take it out of every denominator.
    expect(summarise([v("refused", "2026-11-20T01:00:00Z"), v("not_eligible", "2026-11-21T01:00:00Z")], 3).disposition).toBe("refusal");
    // An interview shows the door was eligible after all.
    expect(summarise([v("not_eligible", "2026-11-20T01:00:00Z"), v("completed", "2026-11-21T01:00:00Z")], 3).disposition).toBe("complete");
  });

  it("computes RR1, COOP1 and REF1 as AAPOR defines them (hand-computed cases)", () => {
    // 10 doors: 4 interviews, 2 refusals, 1 final non-contact, 1 open revisit, 1 vacant, 1 never tried.
    // Eligible + unknown = 4 + 2 + 2 + 1 = 9 (vacant is out): RR1 = 4/9, REF1 = 2/9, COOP1 = 4/(4+2).
    const c = { ...emptyCounts(), complete: 4, refusal: 2, non_contact: 1, revisit: 1, vacant: 1, not_attempted: 1 };
    const r = outcomeRates(c);
    expect(r.rr1).toBeCloseTo(4 / 9, 12);
    expect(r.ref1).toBeCloseTo(2 / 9, 12);
    expect(r.coop1).toBeCloseTo(4 / 6, 12);
    // 12 doors: the same 10 plus 2 非目标户 (AAPOR 4.70), which leave every denominator like vacant:
    // the rates do not move.
    const withNotEligible = outcomeRates({ ...c, not_eligible: 2 });
    expect(withNotEligible.rr1).toBeCloseTo(4 / 9, 12);
    expect(withNotEligible.ref1).toBeCloseTo(2 / 9, 12);
    expect(withNotEligible.coop1).toBeCloseTo(4 / 6, 12);
    // 6 doors: 1 interview, 1 refusal, 1 open revisit, 2 非目标户, 1 vacant: eligible = 3,
    // RR1 = 1/3, REF1 = 1/3, COOP1 = 1/2.
    expect(outcomeRates({ ...emptyCounts(), complete: 1, refusal: 1, revisit: 1, not_eligible: 2, vacant: 1 })).toEqual({
      rr1: 1 / 3,
      coop1: 1 / 2,
      ref1: 1 / 3,
    });
    expect(outcomeRates({ ...emptyCounts(), not_eligible: 2, vacant: 1 })).toEqual({ rr1: null, coop1: null, ref1: null });
    // Only vacant doors: no eligible case, no rate.
    expect(outcomeRates({ ...emptyCounts(), vacant: 3 })).toEqual({ rr1: null, coop1: null, ref1: null });
    // Nobody contacted yet: RR1 and REF1 are 0, COOP1 undefined.
    expect(outcomeRates({ ...emptyCounts(), not_attempted: 5, revisit: 2 })).toEqual({ rr1: 0, coop1: null, ref1: 0 });
  });
});
