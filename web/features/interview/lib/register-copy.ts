/**
 * The community's door register for offline work (issue 16): fetched when the server answers and
 * kept under a catalog key, read from there when it does not. Doors this tablet found in the
 * field are kept under their own key until the server's list holds them, so they can be revisited
 * offline the same day.
 */
import type { InferResponseType } from "hono/client";
import type { NewDoor } from "../../../../server/contracts/register";
import { api, unwrap, withTimeout } from "../../../lib/api-client";
import { ApiError, NetworkError } from "../../../lib/http";
import type { InterviewDb } from "./interview-db";

export type RegisterAnswer = InferResponseType<(typeof api)["register"]["$get"], 200>;
export type RegisterEntry = RegisterAnswer["entries"][number];
export interface RegisterCopy extends RegisterAnswer {
  /** When the server's answer was read: local visits recorded after it are not in its counts. */
  fetchedAt: string;
}

/** A door found in the field by this tablet, sent with its visits until the server's list holds it. */
export interface LocalDoor {
  id: string;
  kind: NewDoor["kind"];
  label: string;
  newDoor: NewDoor;
  createdAt: string;
}

const copyKey = (unit: string) => `register:${unit}`;
const localKey = (owner: string, unit: string) => `register-new:${owner}:${unit}`;
const TIMEOUT = withTimeout(15_000);

/** Network first, the stored copy when offline (or the session lapsed offline); null when there is neither. */
export async function loadRegister(db: InterviewDb, unit: string): Promise<RegisterCopy | null> {
  try {
    const answer = await unwrap(api.register.$get({ query: { unit } }, TIMEOUT));
    const copy: RegisterCopy = { ...answer, fetchedAt: new Date().toISOString() };
    await db.putCatalog(copyKey(unit), copy);
    return copy;
  } catch (error) {
    const offline = error instanceof NetworkError || (error instanceof ApiError && error.status === 401);
    if (!offline) throw error;
    return (await db.getCatalog<RegisterCopy>(copyKey(unit))) ?? null;
  }
}

export async function localDoors(db: InterviewDb, owner: string, unit: string): Promise<LocalDoor[]> {
  return (await db.getCatalog<LocalDoor[]>(localKey(owner, unit))) ?? [];
}

export async function addLocalDoor(db: InterviewDb, owner: string, unit: string, door: LocalDoor): Promise<void> {
  const list = await localDoors(db, owner, unit);
  await db.putCatalog(localKey(owner, unit), [...list.filter((d) => d.id !== door.id), door]);
}

/** Drops local doors the server's list now holds (same id, or the same door under another tablet's id). */
export async function pruneLocalDoors(db: InterviewDb, owner: string, unit: string, copy: RegisterCopy): Promise<LocalDoor[]> {
  const ids = new Set(copy.entries.map((e) => e.id));
  const labels = new Set(copy.entries.map((e) => `${e.kind}|${e.label}`));
  const list = await localDoors(db, owner, unit);
  const kept = list.filter((d) => !ids.has(d.id) && !labels.has(`${d.kind}|${d.label}`));
  if (kept.length !== list.length) await db.putCatalog(localKey(owner, unit), kept);
  return kept;
}
