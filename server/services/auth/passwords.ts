import { constantTimeEqual, fromBase64Url, toBase64Url } from "../../lib/crypto";

/**
 * PBKDF2-SHA256 through WebCrypto, so the same hashes verify on Node and on Workers.
 * 100,000 iterations is the most Workers allows; stored as `pbkdf2$sha256$<iter>$<salt>$<hash>`.
 * Verification reads the count from the stored hash, so a hash keeps working whatever count new
 * hashes get.
 */
export const PASSWORD_ITERATIONS = 100_000;

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(password), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: salt as BufferSource, iterations }, key, 256);
  return new Uint8Array(bits);
}

/**
 * `iterations` is PASSWORD_ITERATIONS everywhere but in tests, which may lower it through the
 * app's deps (AppDeps.passwordIterations) where hashing cost is not what they check.
 */
export async function hashPassword(password: string, iterations = PASSWORD_ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(password, salt, iterations);
  return `pbkdf2$sha256$${iterations}$${toBase64Url(salt)}$${toBase64Url(hash)}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, digest, iter, salt, hash] = stored.split("$");
  if (scheme !== "pbkdf2" || digest !== "sha256" || !iter || !salt || !hash) return false;
  const actual = await derive(password, fromBase64Url(salt), Number(iter));
  return constantTimeEqual(actual, fromBase64Url(hash));
}

/**
 * A hash to verify against when the user does not exist, so both paths take the same time: it
 * costs what the app's new hashes cost.
 */
export function dummyHash(iterations = PASSWORD_ITERATIONS): string {
  return `pbkdf2$sha256$${iterations}$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
}
