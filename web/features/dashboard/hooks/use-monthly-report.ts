import { useQueries, useQuery } from "@tanstack/react-query";
import { useRef } from "react";
import { getFieldCoverage } from "../api/get-field-coverage";
import { getRanking } from "../api/get-ranking";
import { ratesQuery } from "../api/query-string";
import { buildMonthlyReport, type IssueCount, type MonthlyReport } from "../lib/monthly-model";
import { previousMonth, type ReportMonth } from "../lib/shanghai-month";
import type { DashboardFilters } from "../types";
import { POLL_MS, retry, useRanking, useRates } from "./use-dashboard-data";

/**
 * Every read of one month's 通报 (the month's and the previous month's rates, the rankings of
 * each kind of child, field coverage) with the month's days as from/to, combined into the report
 * model once all have answered. The same query keys as the dashboard's, so views share answers.
 */
export function useMonthlyReport(
  filters: DashboardFilters,
  month: ReportMonth,
  issues: IssueCount[],
): { report: MonthlyReport | null; failed: boolean } {
  const previous = previousMonth(month);
  const current = { ...filters, from: month.from, to: month.to, kind: undefined };
  const before = { ...filters, from: previous.from, to: previous.to, kind: undefined };
  const rates = useRates(current);
  const previousRates = useRates(before);
  const first = useRanking(current);
  const otherKinds = (first.data?.kindsForAudience ?? []).filter((k) => k !== first.data?.kind);
  const others = useQueries({
    queries: otherKinds.map((kind) => ({
      queryKey: ["ranking", ratesQuery(current), current.metric, kind],
      queryFn: () => getRanking(current, kind),
      refetchInterval: POLL_MS,
      retry,
    })),
  });
  const field = useQuery({
    queryKey: ["field-coverage", filters.unit, month.from, month.to],
    queryFn: () => getFieldCoverage(filters.unit, month.from, month.to),
    refetchInterval: POLL_MS * 5,
    retry,
  });
  const rankings = [first.data, ...others.map((o) => o.data)];
  const ready = rates.data && previousRates.data && rankings.every(Boolean) && (field.data || field.error);
  // Generated when the figures last changed: polls that bring the same answers (react-query keeps
  // them identical) leave the time, so the page and a file downloaded from it carry the same one.
  const answers = [rates.data, previousRates.data, field.data, ...rankings];
  const asOf = useRef<{ answers: unknown[]; at: Date } | null>(null);
  if (!asOf.current || answers.length !== asOf.current.answers.length || answers.some((a, i) => a !== asOf.current!.answers[i])) {
    asOf.current = { answers, at: new Date() };
  }
  const report = ready
    ? buildMonthlyReport({
        filters,
        month,
        previous,
        rates: rates.data!,
        previousRates: previousRates.data!,
        rankings: rankings as NonNullable<(typeof rankings)[number]>[],
        field: field.data ?? null,
        issues,
        generatedAt: asOf.current.at,
      })
    : null;
  const failed = Boolean(rates.error || previousRates.error || first.error || others.some((o) => o.error));
  return { report, failed };
}
