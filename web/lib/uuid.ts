/**
 * UUIDs from `crypto.getRandomValues`, which every browser we serve has
 * (WeChat's in-app browsers included), unlike `crypto.randomUUID` (secure contexts, newer engines).
 *
 * @example
 * const id = uuidV4(); // "3b241101-e2bb-4255-8caf-4136c566a962"
 */
export type RandomFill = (bytes: Uint8Array) => Uint8Array;

const defaultFill: RandomFill = (bytes) => {
  const c = globalThis.crypto;
  if (c && typeof c.getRandomValues === "function") return c.getRandomValues(bytes);
  // Not a secret, only an idempotency key: a weak source beats no id at all.
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return bytes;
};

export function uuidV4(fill: RandomFill = defaultFill): string {
  const b = fill(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40; // version 4
  b[8] = (b[8]! & 0x3f) | 0x80; // variant 10xx
  return format(b);
}

let lastMs = -1;
let counter = 0;

/**
 * RFC 9562 version-7 UUIDs for the rows a device creates (responses, visits): 48 bits of Unix
 * milliseconds first, so ids from one device, and roughly across devices, arrive in order and the
 * server's primary-key index grows at its end instead of at random places (docs/benchmarks.md,
 * "Random or time-ordered ids"). Ids made in the same millisecond count up in the 12 bits after
 * the version; the remaining 62 bits are random.
 *
 * @example
 * const id = uuidV7(); // "019aa8f2-5c3e-7000-9a1b-3f6c2d7e8a90"
 */
export function uuidV7(fill: RandomFill = defaultFill, nowMs: number = Date.now()): string {
  if (nowMs === lastMs) counter = (counter + 1) & 0x0fff;
  else {
    lastMs = nowMs;
    counter = 0;
  }
  const b = fill(new Uint8Array(16));
  let ms = nowMs;
  for (let i = 5; i >= 0; i--) {
    b[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  b[6] = 0x70 | (counter >> 8); // version 7, counter's high bits
  b[7] = counter & 0xff;
  b[8] = (b[8]! & 0x3f) | 0x80; // variant 10xx
  return format(b);
}

function format(b: Uint8Array): string {
  let hex = "";
  for (let i = 0; i < 16; i++) hex += b[i]!.toString(16).padStart(2, "0");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const UUID_V7_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const UUID_V4_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
