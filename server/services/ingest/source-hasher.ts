import { LRUCache } from "lru-cache";
import { hmacSha256, toBase64Url } from "../../lib/crypto";

/**
 * Keyed hash of a client address, stored with each response: enough to see a burst from one
 * address in a review, not enough to tell who sent it. Addresses repeat (one carrier address
 * for many phones), so recent hashes are kept in memory.
 */
export function createSourceHasher(secret: string): (address: string) => Promise<string> {
  const cache = new LRUCache<string, string>({ max: 50_000, ttl: 10 * 60_000 });
  return async (address) => {
    const cached = cache.get(address);
    if (cached) return cached;
    const hash = toBase64Url((await hmacSha256(secret, `addr:${address}`)).slice(0, 12));
    cache.set(address, hash);
    return hash;
  };
}
