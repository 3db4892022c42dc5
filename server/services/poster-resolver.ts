import { LRUCache } from "lru-cache";
import type { Database } from "../db/client";
import { verifyPosterToken, type Poster } from "./posters";
import { getUnit, type UnitKind } from "./units";

export interface ResolvedPoster {
  poster: Poster;
  unitKind: UnitKind;
}

export interface PosterResolver {
  /** The poster a token names and its unit's kind, or undefined for a bad token. */
  resolve(token: string): Promise<ResolvedPoster | undefined>;
}

/**
 * Verified poster tokens kept in memory: a poster's unit and survey never change, so each token
 * costs a signature check and two reads once, not on every submission from its QR code. Only
 * good tokens are kept (a forged one is checked every time), for at most ten minutes.
 */
export function createPosterResolver(db: Database, secret: string): PosterResolver {
  const cache = new LRUCache<string, ResolvedPoster>({ max: 10_000, ttl: 10 * 60_000 });
  return {
    async resolve(token) {
      const cached = cache.get(token);
      if (cached) return cached;
      const poster = await verifyPosterToken(db, secret, token);
      if (!poster) return undefined;
      const unit = await getUnit(db, poster.unitCode);
      if (!unit) return undefined;
      const resolved = { poster, unitKind: unit.kind };
      cache.set(token, resolved);
      return resolved;
    },
  };
}
