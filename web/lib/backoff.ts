/**
 * Retry delays for flaky mobile networks: exponential (2 s, 4 s, 8 s, ...) up to a cap, each
 * spread by +/- `jitter` so many phones that lost the same cell tower don't retry in lockstep.
 *
 * @example
 * backoffDelay(0) // ~2000 ms
 * backoffDelay(3) // ~16000 ms
 * backoffDelay(9) // 60000 ms at most
 */
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  /** Fraction of the delay to spread by, 0..1. */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 2_000, capMs: 60_000, jitter: 0.2 };

export function backoffDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const { baseMs, capMs, jitter } = options;
  const exponent = Math.max(0, Math.min(Math.floor(attempt), 30));
  const nominal = Math.min(capMs, baseMs * 2 ** exponent);
  const spread = nominal * jitter * (2 * random() - 1);
  return Math.round(Math.max(baseMs * (1 - jitter), Math.min(capMs, nominal + spread)));
}
