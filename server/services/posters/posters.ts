import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { posters } from "../../db/schema";
import { constantTimeEqual, hmacSha256, randomToken, toBase64Url } from "../../lib/crypto";

export type Poster = typeof posters.$inferSelect;

/** 128 bits of HMAC: short enough for a small QR code, far too long to guess. */
const SIGNATURE_BYTES = 16;

async function sign(secret: string, poster: Pick<Poster, "id" | "unitCode" | "surveyId">): Promise<string> {
  const mac = await hmacSha256(secret, `poster:${poster.id}:${poster.unitCode}:${poster.surveyId}`);
  return toBase64Url(mac.slice(0, SIGNATURE_BYTES));
}

/** The token in a poster's link: its id plus a signature over id, unit and survey. */
export async function posterToken(secret: string, poster: Poster): Promise<string> {
  return `${poster.id}.${await sign(secret, poster)}`;
}

export interface NewPoster {
  unitCode: string;
  surveyId: string;
  createdBy: string;
  /** The collection window; either end may stay open (null). */
  startsAt?: string | null;
  endsAt?: string | null;
}

/** A new poster's row, id drawn here, so it can be inserted in the caller's batch. */
export function newPosterRow(input: NewPoster, now: Date): Poster {
  return {
    id: randomToken(9),
    unitCode: input.unitCode,
    surveyId: input.surveyId,
    createdBy: input.createdBy,
    createdAt: now.toISOString(),
    startsAt: input.startsAt ?? null,
    endsAt: input.endsAt ?? null,
    revokedAt: null,
    revokedBy: null,
  };
}

export async function createPoster(db: Database, input: NewPoster, now: Date): Promise<Poster> {
  const [row] = await db.insert(posters).values(newPosterRow(input, now)).returning();
  return row!;
}

export async function getPoster(db: Database, id: string): Promise<Poster | undefined> {
  return db.query.posters.findFirst({ where: eq(posters.id, id) });
}

/** The poster a token names, or undefined for anything malformed, unknown or not signed by us. */
export async function verifyPosterToken(db: Database, secret: string, token: string): Promise<Poster | undefined> {
  const match = /^([A-Za-z0-9_-]{6,32})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!match) return undefined;
  const poster = await getPoster(db, match[1]!);
  if (!poster) return undefined;
  // Compare the text, not decoded bytes: the last base64 character carries spare bits, and a
  // token differing only there must not pass as the same signature.
  const encoder = new TextEncoder();
  const expected = encoder.encode(await sign(secret, poster));
  return constantTimeEqual(expected, encoder.encode(match[2]!)) ? poster : undefined;
}
