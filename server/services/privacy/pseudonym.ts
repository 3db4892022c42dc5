import { hmacSha256 } from "../../lib/crypto";

/** What a household label or device id reads once it has been anonymised (retention, erasure). */
export const PSEUDONYM_PREFIX = { household: "匿名户-", device: "anon-" } as const;

const hex = (bytes: Uint8Array, length: number) =>
  Array.from(bytes.subarray(0, Math.ceil(length / 2)), (b) => b.toString(16).padStart(2, "0"))
    .join("")
    .slice(0, length);

/**
 * The stand-in for a household label: the same label in the same unit always gives the same
 * pseudonym and different labels different ones (HMAC-SHA256 under the server secret, 16 hex
 * digits), so every count that depends on distinct households (已访户数, coverage, revisits)
 * stays exactly as it was, while the label itself cannot be recovered without the secret.
 *
 * @example await householdPseudonym(secret, "500104001001", "3栋2单元401") // "匿名户-5f1c0a9e73b2d4c6"
 */
export async function householdPseudonym(secret: string, unitCode: string, label: string): Promise<string> {
  if (label.startsWith(PSEUDONYM_PREFIX.household)) return label;
  return PSEUDONYM_PREFIX.household + hex(await hmacSha256(secret, `household\n${unitCode}\n${label}`), 16);
}

/**
 * The stand-in for a device id, with the same properties: one device's responses stay one
 * device's (so same-device flags and per-device counts are unchanged), but the id is gone.
 */
export async function devicePseudonym(secret: string, deviceId: string): Promise<string> {
  if (deviceId.startsWith(PSEUDONYM_PREFIX.device)) return deviceId;
  return PSEUDONYM_PREFIX.device + hex(await hmacSha256(secret, `device\n${deviceId}`), 24);
}

/** A coordinate kept only to about 1 km (two decimal places), for retention that keeps a coarse value. */
export function coarseCoordinate(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}
