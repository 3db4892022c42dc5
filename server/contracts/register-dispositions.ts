/**
 * AAPOR final disposition codes for one register entry, and the outcome rates RR1, COOP1 and
 * REF1 (AAPOR Standard Definitions, in-person household surveys; docs/field-operations.md has the
 * mapping). Pure, with no server runtime, so the server and the tablet (its offline 待回访 list) share one rule.
 */

export type VisitOutcomeLike = "completed" | "refused" | "not_home" | "vacant" | "not_eligible";

export type Disposition =
  /** 1.1 Complete interview (I). */
  | "complete"
  /** 2.11 Refusal (R). */
  | "refusal"
  /** 2.24 No one at residence after the office's attempt limit: final non-contact (NC). */
  | "non_contact"
  /** 2.24 as well, but still under the limit: an open case on the 待回访 list (NC in interim rates). */
  | "revisit"
  /** 4.61 Vacant housing unit, regular vacant residence (a vacant shop by analogy): not eligible, out of every rate. */
  | "vacant"
  /**
   * 4.70 No eligible respondent (非目标户): someone lives or works there, but nobody the
   * questionnaire is for (e.g. no resident of the city for a residents' survey). Not eligible.
   */
  | "not_eligible"
  /** 3.11 Not attempted: eligibility unknown (UH), in the RR1 and REF1 denominators. */
  | "not_attempted";

export const AAPOR_CODE: Record<Disposition, string> = {
  complete: "1.1",
  refusal: "2.11",
  non_contact: "2.24",
  revisit: "2.24",
  vacant: "4.61",
  not_eligible: "4.70",
  not_attempted: "3.11",
};

export interface EntryVisit {
  outcome: VisitOutcomeLike;
  visitedAt: string;
}

export interface EntrySummary {
  attempts: number;
  lastOutcome: VisitOutcomeLike | null;
  lastVisitedAt: string | null;
  disposition: Disposition;
  aaporCode: string;
}

/**
 * The entry's disposition from all its visits (any tablet, any order): an interview anywhere
 * makes it complete (a converted refusal counts as the interview it became); else a refusal is
 * final (a later 非目标户 finding does not undo it: refusals mislabelled as not eligible would
 * leave the rates' denominators, so the conservative reading wins); else a 非目标户 finding (a
 * contact, so it outranks a vacant finding at the same door); else a vacant finding; else 不在家
 * is final non-contact once `attemptLimit` tries were made, an open revisit before.
 */
export function summarise(list: readonly EntryVisit[], attemptLimit: number): EntrySummary {
  const attempts = list.length;
  const last = list.reduce<EntryVisit | null>((a, v) => (!a || v.visitedAt > a.visitedAt ? v : a), null);
  const has = (o: VisitOutcomeLike) => list.some((v) => v.outcome === o);
  const disposition: Disposition =
    attempts === 0
      ? "not_attempted"
      : has("completed")
        ? "complete"
        : has("refused")
          ? "refusal"
          : has("not_eligible")
            ? "not_eligible"
            : has("vacant")
              ? "vacant"
              : attempts >= attemptLimit
                ? "non_contact"
                : "revisit";
  return {
    attempts,
    lastOutcome: last?.outcome ?? null,
    lastVisitedAt: last?.visitedAt ?? null,
    disposition,
    aaporCode: AAPOR_CODE[disposition],
  };
}

export type DispositionCounts = Record<Disposition, number>;

export const emptyCounts = (): DispositionCounts => ({
  complete: 0,
  refusal: 0,
  non_contact: 0,
  revisit: 0,
  vacant: 0,
  not_eligible: 0,
  not_attempted: 0,
});

export interface OutcomeRates {
  /** RR1 = I / ((I+P) + (R+NC+O) + (UH+UO)) */
  rr1: number | null;
  /** COOP1 = I / ((I+P) + R + O) */
  coop1: number | null;
  /** REF1 = R / ((I+P) + (R+NC+O) + (UH+UO)) */
  ref1: number | null;
}

/**
 * The three rates from disposition counts. We record no partials (P = 0) and no other
 * non-interviews (O = 0); open revisits count as non-contacts (the case's status so far), and
 * doors nobody has tried yet as unknown eligibility (UH). Vacant and 非目标户 doors are not
 * eligible and leave every denominator. Null where a denominator is 0.
 */
export function outcomeRates(c: DispositionCounts): OutcomeRates {
  const I = c.complete;
  const R = c.refusal;
  const NC = c.non_contact + c.revisit;
  const UH = c.not_attempted;
  const all = I + R + NC + UH;
  const contacted = I + R;
  return {
    rr1: all === 0 ? null : I / all,
    coop1: contacted === 0 ? null : I / contacted,
    ref1: all === 0 ? null : R / all,
  };
}
