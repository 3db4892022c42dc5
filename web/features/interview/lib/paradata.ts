/**
 * Paradata of one interview (issue 16 part 6), kept in its draft so a reload does not lose it:
 * milliseconds on each page (summed over returns to it) and how often each answer changed after
 * it was first given. Pure functions over a plain object, so the draft stays serialisable.
 */
import type { Paradata } from "../../../../server/contracts/paradata";
import { PARADATA_MAX_PAGES, PARADATA_MAX_QUESTIONS } from "../../../../server/contracts/paradata-limits";

export interface ParadataDraft {
  /** Page name -> ms, in the order first shown. */
  pages: [string, number][];
  /** Question name -> times a value was set (the first answer included). */
  sets: [string, number][];
  /** The page on screen and since when (epoch ms); null while nothing is timed. */
  current: { page: string; since: number } | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const NAME_MAX = 200;

export const emptyParadata = (): ParadataDraft => ({ pages: [], sets: [], current: null });

function add(list: [string, number][], key: string, n: number): [string, number][] {
  const i = list.findIndex(([k]) => k === key);
  if (i < 0) return [...list, [key, n]];
  return list.map((e, j) => (j === i ? [e[0], e[1] + n] : e));
}

/** Closes the timed page at `now` (a clock that went back counts as 0 ms). */
function close(p: ParadataDraft, now: number): ParadataDraft {
  if (!p.current) return p;
  return { ...p, pages: add(p.pages, p.current.page, Math.max(0, now - p.current.since)), current: null };
}

/** A page came on screen: the previous one's time ends now. */
export const pageShown = (p: ParadataDraft, page: string, now: number): ParadataDraft => ({
  ...close(p, now),
  current: { page, since: now },
});

/** An answer was set. */
export const valueSet = (p: ParadataDraft, question: string): ParadataDraft => ({ ...p, sets: add(p.sets, question, 1) });

/**
 * A draft reopened after the app was closed: the time it stood closed is not time on the page,
 * so the page's clock restarts now.
 */
export const resumed = (p: ParadataDraft, now: number): ParadataDraft => (p.current ? { ...p, current: { ...p.current, since: now } } : p);

/**
 * The paradata to send, inside the server's bounds (contracts/paradata.ts) so it can never be
 * the reason an interview is refused: long names cut, lists capped, and nothing at all when the
 * pages add up to more than a day (a tablet left open overnight measures nothing useful).
 */
export function finishParadata(p: ParadataDraft, now: number): Paradata | undefined {
  const closed = close(p, now);
  if (closed.pages.reduce((n, [, ms]) => n + ms, 0) > DAY_MS) return undefined;
  const pages = dedupe(
    closed.pages.map(([page, ms]) => ({ page: page.slice(0, NAME_MAX), ms: Math.min(DAY_MS, Math.round(ms)) })),
    (x) => x.page,
  ).slice(0, PARADATA_MAX_PAGES);
  const changes = dedupe(
    closed.sets
      .filter(([, n]) => n > 1)
      .map(([question, n]) => ({ question: question.slice(0, NAME_MAX), count: Math.min(10_000, n - 1) })),
    (x) => x.question,
  ).slice(0, PARADATA_MAX_QUESTIONS);
  return { pages, changes };
}

function dedupe<T>(list: T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return list.filter((x) => {
    if (seen.has(key(x))) return false;
    seen.add(key(x));
    return true;
  });
}
