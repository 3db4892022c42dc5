/**
 * RFC 4122 version-4 UUIDs from `crypto.getRandomValues`, which every browser we serve has
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
  let hex = "";
  for (let i = 0; i < 16; i++) hex += b[i]!.toString(16).padStart(2, "0");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const UUID_V4_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
