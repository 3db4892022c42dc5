import { and, eq, inArray, sql } from "drizzle-orm";
import { ANONYMISED_TEXT } from "../../contracts/subjects";
import type { Database } from "../../db/client";
import { loginKnownSources, responseComments, responses, visits } from "../../db/schema";
import { chunk } from "../../lib/chunk";
import { canonicalJson } from "../../lib/canonical-json";
import { hmacSha256 } from "../../lib/crypto";
import { normalizeDeviceId } from "../../lib/device-id";
import { auditInsert } from "../admin/audit";
import { writeTransaction } from "../../db/write-transaction";
import { findSubject, type SubjectKind, type SubjectRecords, type SubjectRequest } from "./subject-find";
import { devicePseudonym, householdPseudonym } from "./pseudonym";

export interface SubjectCounts {
  responses: number;
  visits: number;
  devices: number;
  comments: number;
  loginSources: number;
}

export const subjectCounts = (found: SubjectRecords): SubjectCounts => ({
  responses: found.responses.length,
  visits: found.visits.length,
  devices: found.devices.length,
  comments: found.comments.length,
  loginSources: found.loginSources.length,
});

/**
 * What the audit log names instead of the id or label: its pseudonym, so the append-only log never
 * keeps the personal data the request was about, yet two entries about one subject match.
 */
export async function subjectAuditTarget(secret: string, kind: SubjectKind, request: SubjectRequest, area: string) {
  return kind === "device"
    ? `device:${await devicePseudonym(secret, normalizeDeviceId(request.deviceId!))}`
    : `household:${await householdPseudonym(secret, area, request.household!.trim())}`;
}

/**
 * A content hash that no longer confirms a guess of the old content (the stored one is a plain
 * SHA-256 over fields that held the id, the label and the words): keyed, and kept as it is once replaced.
 */
async function anonymisedHash(secret: string, hash: string): Promise<string> {
  if (hash.startsWith("anon:")) return hash;
  const bytes = await hmacSha256(secret, `content\n${hash}`);
  return `anon:${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/**
 * Anonymises everything findSubject finds, in one write transaction with its audit entry:
 * device ids become their pseudonym (responses, visits, heartbeats), household labels theirs
 * (per unit, so distinct households stay distinct), GPS becomes null, free-text answers and
 * their comments read ANONYMISED_TEXT (still answered), remembered sign-ins from the device are
 * forgotten. Metric answers, days, units, channels and flags are never touched, so every rate,
 * trend, ranking, rollup and field-progress figure stays exactly as it was and no rollup is
 * rewritten. A device request leaves the household labels of its visits alone (they are other
 * people's, and renaming only some visits of a household would count it twice); a household
 * request leaves the interviewer's tablet id alone (it is not the household's). A second call
 * finds nothing linked to the old id or label and changes nothing.
 *
 * @example await anonymiseSubject(db, secret, { scope, deviceId: "tablet-7" }, { actor: "admin", reason: "本人申请删除" }, now)
 */
export async function anonymiseSubject(
  db: Database,
  secret: string,
  request: SubjectRequest,
  by: { actor: string; reason: string },
  now: Date,
): Promise<{ kind: SubjectKind; counts: SubjectCounts }> {
  return writeTransaction(db, async (tx) => {
    const found = await findSubject(tx, secret, request);
    const device = found.kind === "device";
    for (const r of found.responses) {
      const answers = { ...r.answers };
      for (const key of r.freeTextKeys) answers[key] = ANONYMISED_TEXT;
      await tx
        .update(responses)
        .set({
          answers: canonicalJson(answers),
          contentHash: await anonymisedHash(secret, r.contentHash),
          ...(device ? { deviceId: await devicePseudonym(secret, normalizeDeviceId(r.deviceId)) } : {}),
        })
        .where(eq(responses.id, r.id));
    }
    for (const part of chunk(
      found.responses.map((r) => r.id),
      500,
    )) {
      await tx.update(responseComments).set({ text: ANONYMISED_TEXT }).where(inArray(responseComments.responseId, part));
    }
    for (const v of found.visits) {
      await tx
        .update(visits)
        .set({
          latitude: null,
          longitude: null,
          accuracyM: null,
          contentHash: await anonymisedHash(secret, v.contentHash),
          ...(device
            ? { deviceId: await devicePseudonym(secret, normalizeDeviceId(v.deviceId)) }
            : { household: await householdPseudonym(secret, v.unitCode, v.household) }),
        })
        .where(eq(visits.id, v.id));
    }
    for (const d of found.devices) {
      // A heartbeat sent with the old id after an earlier anonymisation made a second row: the newer one wins.
      await tx.run(
        sql`update or replace devices set device_id = ${await devicePseudonym(secret, normalizeDeviceId(d.deviceId))} where device_id = ${d.deviceId} and username = ${d.username}`,
      );
    }
    for (const s of found.loginSources) {
      // Only the throttle reads it: forgetting it makes the next sign-in from the device a stranger's, nothing more.
      await tx.delete(loginKnownSources).where(and(eq(loginKnownSources.username, s.username), eq(loginKnownSources.source, s.source)));
    }
    const counts = subjectCounts(found);
    await auditInsert(
      tx,
      {
        actor: by.actor,
        action: "subjects.anonymise",
        target: await subjectAuditTarget(secret, found.kind, request, found.area),
        after: { reason: by.reason, kind: found.kind, unit: request.unit ?? null, counts },
        scopeUnit: found.area,
      },
      now,
    );
    return { kind: found.kind, counts };
  });
}
