/** Injected time source, so tests can move time (session expiry, rate windows) without waiting. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
