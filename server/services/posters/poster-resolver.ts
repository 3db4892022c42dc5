import { eq } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import type { Database } from "../../db/client";
import { posters } from "../../db/schema";
import type { PosterState } from "./poster-status";
import { verifyPosterToken, type Poster } from "./posters";
import { getUnit, type UnitKind } from "../units/units";

export interface ResolvedPoster {
  poster: Poster;
  unitKind: UnitKind;
}

export interface PosterResolver {
  /** The poster a token names (with its current window and revocation) and its unit's kind, or undefined for a bad token. */
  resolve(token: string): Promise<ResolvedPoster | undefined>;
  /** Drops what this instance remembers of a poster's state, after it changed the poster. */
  forget(posterId: string): void;
}

/**
 * How long an instance may go on using a poster's window and revocation as it last read them.
 * A change made on this instance is seen at once (`forget`); on other instances and Worker
 * isolates it takes effect within this bound. One primary-key read per poster per bound keeps
 * the QR path fast however many phones scan the same poster.
 */
export const POSTER_STATE_TTL_MS = 10_000;

/**
 * Verified poster tokens kept in memory. A poster's unit and survey never change, so each token
 * costs a signature check and two reads once, not on every submission from its QR code; only
 * good tokens are kept (a forged one is checked every time), for at most ten minutes. The
 * mutable part (window, revocation) is kept apart and re-read after POSTER_STATE_TTL_MS.
 */
export function createPosterResolver(db: Database, secret: string, options: { stateTtlMs?: number } = {}): PosterResolver {
  const tokens = new LRUCache<string, ResolvedPoster>({ max: 10_000, ttl: 10 * 60_000 });
  const states = new LRUCache<string, PosterState>({ max: 10_000, ttl: options.stateTtlMs ?? POSTER_STATE_TTL_MS });

  async function stateOf(id: string): Promise<PosterState | undefined> {
    const cached = states.get(id);
    if (cached) return cached;
    const row = await db.query.posters.findFirst({
      where: eq(posters.id, id),
      columns: { startsAt: true, endsAt: true, revokedAt: true },
    });
    if (row) states.set(id, row);
    return row;
  }

  return {
    async resolve(token) {
      const cached = tokens.get(token);
      if (cached) {
        const state = await stateOf(cached.poster.id);
        return state ? { poster: { ...cached.poster, ...state }, unitKind: cached.unitKind } : undefined;
      }
      const poster = await verifyPosterToken(db, secret, token);
      if (!poster) return undefined;
      const unit = await getUnit(db, poster.unitCode);
      if (!unit) return undefined;
      const resolved = { poster, unitKind: unit.kind };
      tokens.set(token, resolved);
      states.set(poster.id, { startsAt: poster.startsAt, endsAt: poster.endsAt, revokedAt: poster.revokedAt });
      return resolved;
    },
    forget(posterId) {
      states.delete(posterId);
    },
  };
}
