import type { Result, Router } from "hono/router";
import { TrieRouter } from "hono/router/trie-router";

/** Distinct method + path pairs remembered; past this the oldest is forgotten first. */
export const MEMOIZED_ROUTES = 2_000;

/**
 * Hono's TrieRouter with each method + path's match remembered. The app's routes make Hono's
 * default SmartRouter fall back to TrieRouter (RegExpRouter refuses a static segment beside a
 * parameter, as in /survey-drafts/templates and /survey-drafts/:id), which walks the whole tree
 * on every request: ~9% of the Worker's CPU per QR submission in a profile (docs/benchmarks.md).
 * Routes are all added before the first request and a match depends only on method and path, so
 * the same path always gets the same (read-only) result. The memory is bounded: a client
 * sending endless distinct paths only makes this a TrieRouter with a small bookkeeping cost.
 */
export class MemoizedRouter<T> implements Router<T> {
  name = "MemoizedRouter";
  readonly #trie = new TrieRouter<T>();
  readonly #matches = new Map<string, Result<T>>();
  readonly #limit: number;

  constructor(limit = MEMOIZED_ROUTES) {
    this.#limit = limit;
  }

  add(method: string, path: string, handler: T): void {
    // A route added later would change earlier answers; none is, but stay correct if one were.
    this.#matches.clear();
    this.#trie.add(method, path, handler);
  }

  match(method: string, path: string): Result<T> {
    const key = `${method} ${path}`;
    const known = this.#matches.get(key);
    if (known) return known;
    const result = this.#trie.match(method, path);
    if (this.#matches.size >= this.#limit) this.#matches.delete(this.#matches.keys().next().value!);
    this.#matches.set(key, result);
    return result;
  }

  /** How many matches are remembered (for tests of the bound). */
  get size(): number {
    return this.#matches.size;
  }
}
