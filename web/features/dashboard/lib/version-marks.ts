/**
 * Where the weekly trend crosses a new published version of a questionnaire (GET /rates/trend
 * `versionBoundaries`, issue 17): the week each version was published in, as a category index of
 * the chart, and whether a metric question's meaning changed (figures on either side are then
 * not comparable). Versions published outside the weeks shown are left out.
 */
export interface VersionBoundary {
  surveyId: string;
  version: number;
  publishedAt: string;
  meaningChanged: boolean;
}

export interface VersionMark {
  /** Index into the weeks. */
  index: number;
  versions: number[];
  meaningChanged: boolean;
}

const SHANGHAI_MS = 8 * 3600_000;

/** Monday (YYYY-MM-DD) of the Asia/Shanghai week an instant falls in, as the trend counts weeks. */
export function shanghaiWeekStart(iso: string): string {
  const local = new Date(Date.parse(iso) + SHANGHAI_MS);
  const sinceMonday = (local.getUTCDay() + 6) % 7;
  return new Date(local.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10);
}

/** One mark per week that holds a boundary; several versions in one week share it. */
export function versionMarks(weeks: { week: string }[], boundaries: readonly VersionBoundary[] | undefined): VersionMark[] {
  const byIndex = new Map<number, VersionMark>();
  for (const b of boundaries ?? []) {
    const index = weeks.findIndex((w) => w.week === shanghaiWeekStart(b.publishedAt));
    if (index < 0) continue;
    const mark = byIndex.get(index) ?? { index, versions: [], meaningChanged: false };
    mark.versions.push(b.version);
    mark.meaningChanged ||= b.meaningChanged;
    byIndex.set(index, mark);
  }
  return [...byIndex.values()].sort((a, b) => a.index - b.index);
}
