import { hmacSha256 } from "../../lib/crypto";

export interface DrawCandidate {
  id: string;
  interviewer: string;
  /** The candidate's place in the draw: hex of HMAC(seed, id), so it is fixed by the seed and the id alone. */
  rank: string;
}

/**
 * How many of an interviewer's n interviews a back-check share asks for: ⌈share × n⌉ (so anyone
 * with one interview and a share above 0 gets one check). The small epsilon keeps float
 * products such as 0.1 × 30 = 3.0000000000000004 from rounding up to 4.
 */
export function backCheckTarget(share: number, n: number): number {
  if (share <= 0 || n <= 0) return 0;
  return Math.min(n, Math.ceil(share * n - 1e-9));
}

/**
 * The draw, per interviewer: of their `candidates`, the ones with the lowest rank not already
 * drawn, until ⌈share × n⌉ are drawn (those drawn earlier count; a draw never takes any back).
 * The same candidates, seed and earlier draws give the same ids whatever their order, and every
 * interviewer gets the same share of their own work: nobody is checked more because a colleague
 * did more interviews.
 */
export function drawBackChecks(candidates: readonly DrawCandidate[], alreadyDrawn: ReadonlySet<string>, share: number): string[] {
  const byInterviewer = new Map<string, DrawCandidate[]>();
  for (const c of candidates) {
    const list = byInterviewer.get(c.interviewer) ?? [];
    list.push(c);
    byInterviewer.set(c.interviewer, list);
  }
  const out: string[] = [];
  for (const list of byInterviewer.values()) {
    const target = backCheckTarget(share, list.length);
    const done = list.filter((c) => alreadyDrawn.has(c.id)).length;
    const fresh = list
      .filter((c) => !alreadyDrawn.has(c.id))
      .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    out.push(...fresh.slice(0, Math.max(0, target - done)).map((c) => c.id));
  }
  return out.sort();
}

/** Each id's rank under the seed: keyed, so nobody who knows the ids can tell which will be drawn. */
export async function drawRanks(seed: string, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const id of ids) {
    const mac = await hmacSha256(seed, id);
    out.set(id, Array.from(mac.slice(0, 8), (b) => b.toString(16).padStart(2, "0")).join(""));
  }
  return out;
}
