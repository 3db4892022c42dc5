import { bytesToHex } from "@noble/hashes/utils.js";
import { hmacSha256 } from "./crypto";

/**
 * The signature of one webhook request: hex HMAC-SHA256 with the subscription's secret over
 * `timestamp + "." + body` (timestamp: Unix seconds, also sent as X-Timestamp), so a receiver
 * can refuse both forged bodies and old ones replayed. WebCrypto, so it runs on Workers too.
 *
 * @example `X-Signature: sha256=${await webhookSignature(secret, "1764750000", body)}`
 */
export async function webhookSignature(secret: string, timestamp: string, body: string): Promise<string> {
  return bytesToHex(await hmacSha256(secret, `${timestamp}.${body}`));
}

/**
 * DingTalk's own robot signature (加签): base64 of HMAC-SHA256 with the secret over
 * `timestampMs + "\n" + secret`, sent as the `timestamp` and `sign` query parameters; DingTalk
 * refuses a timestamp more than an hour off.
 */
export async function dingTalkSignedUrl(url: string, secret: string, timestampMs: number): Promise<string> {
  const mac = await hmacSha256(secret, `${timestampMs}\n${secret}`);
  let binary = "";
  for (const b of mac) binary += String.fromCharCode(b);
  const signed = new URL(url);
  signed.searchParams.set("timestamp", String(timestampMs));
  signed.searchParams.set("sign", btoa(binary));
  return signed.toString();
}
