import { describe, expect, it } from "vitest";
import { paradataSchema } from "../../../server/contracts/paradata";
import { emptyParadata, finishParadata, pageShown, resumed, valueSet } from "../../../web/features/interview/lib/paradata";

describe("tablet paradata", () => {
  it("sums time per page over returns and counts answer changes after the first answer", () => {
    let p = emptyParadata();
    p = pageShown(p, "profile", 0);
    p = valueSet(p, "age_band");
    p = valueSet(p, "age_band");
    p = valueSet(p, "identity");
    p = pageShown(p, "awareness", 30_000);
    p = pageShown(p, "profile", 50_000); // back to the first page
    p = valueSet(p, "age_band");
    p = pageShown(p, "awareness", 55_000);
    expect(finishParadata(p, 75_000)).toEqual({
      pages: [
        { page: "profile", ms: 35_000 },
        { page: "awareness", ms: 40_000 },
      ],
      changes: [{ question: "age_band", count: 2 }],
    });
  });

  it("does not count the time a reopened draft stood closed", () => {
    let p = pageShown(emptyParadata(), "profile", 0);
    p = resumed(p, 3_600_000);
    expect(finishParadata(p, 3_610_000)?.pages).toEqual([{ page: "profile", ms: 10_000 }]);
  });

  it("always stays inside the server's bounds, or sends nothing", () => {
    let p = emptyParadata();
    for (let i = 0; i < 150; i++) p = pageShown(p, `${"页".repeat(150)}${i}`, i * 1000);
    for (let i = 0; i < 400; i++) p = valueSet(valueSet(p, `q${i}`), `q${i}`);
    const out = finishParadata(p, 200_000);
    expect(out?.pages).toHaveLength(100);
    expect(out?.changes).toHaveLength(300);
    expect(paradataSchema.safeParse(out).success).toBe(true);
    // Names cut to 200 characters may collide: the cut list keeps the first, so the schema still accepts it.
    const long = pageShown(pageShown(emptyParadata(), `${"页".repeat(250)}1`, 0), `${"页".repeat(250)}2`, 1000);
    const cut = finishParadata(long, 3000);
    expect(cut?.pages).toEqual([{ page: "页".repeat(200), ms: 1000 }]);
    expect(paradataSchema.safeParse(cut).success).toBe(true);
    // A tablet left open overnight: more than a day on the page measures nothing.
    expect(finishParadata(pageShown(emptyParadata(), "p", 0), 25 * 3_600_000)).toBeUndefined();
    // A clock that went back counts 0 ms, never a negative time.
    expect(finishParadata(pageShown(emptyParadata(), "p", 10_000), 5_000)?.pages).toEqual([{ page: "p", ms: 0 }]);
  });
});
