/**
 * One door, however it was typed: "3栋2单元301", "3 栋 2 单元 301室", "３栋２单元３０１" and
 * building 3 / unit 2 / room 301 in separate columns all give the key `h|3|2|301`, so a door is
 * one register entry, a re-import adds nothing and a door found in the field matches the list.
 * Pure, shared by the import and the field path.
 */

export interface DoorParts {
  kind: "household" | "shop";
  building?: string | null | undefined;
  unitNo?: string | null | undefined;
  room?: string | null | undefined;
  address?: string | null | undefined;
  shopName?: string | null | undefined;
}

export interface Door {
  key: string;
  label: string;
  building: string | null;
  unitNo: string | null;
  room: string | null;
  address: string | null;
  shopName: string | null;
}

/** Full-width to half-width (NFKC), no spaces or dashes-as-spacing, lower case, no leading zeros in numbers. */
function clean(text: string | null | undefined): string {
  return (text ?? "")
    .normalize("NFKC")
    .replace(/[\s\u3000]+/g, "")
    .toLowerCase();
}

const stripNumber = (s: string) => (/^\d+$/.test(s) ? String(Number.parseInt(s, 10)) : s);
const BUILDING_SUFFIX = /(栋|幢|号楼|座|楼)$/;
const UNIT_SUFFIX = /单元$/;
const ROOM_SUFFIX = /(室|号|房)$/;

const part = (raw: string | null | undefined, suffix: RegExp) => stripNumber(clean(raw).replace(suffix, ""));

/** "幸福里3栋2单元301室", "3幢301", "3-2-301": building, unit and room, or null when it is a plain address. */
export function parseDoorAddress(address: string): { building: string; unitNo: string; room: string } | null {
  const text = clean(address);
  const dashed = /^(\d+)-(\d+)-(\d+)$/.exec(text);
  if (dashed) return { building: stripNumber(dashed[1]!), unitNo: stripNumber(dashed[2]!), room: stripNumber(dashed[3]!) };
  const m = /^(.*?[0-9a-z]+)(?:栋|幢|号楼|座)(?:([0-9a-z]+)单元)?([0-9a-z]+)(?:室|号|房)?$/.exec(text);
  if (!m) return null;
  return { building: part(m[1], BUILDING_SUFFIX), unitNo: part(m[2] ?? "", UNIT_SUFFIX), room: part(m[3], ROOM_SUFFIX) };
}

const withSuffix = (s: string, suffix: string) => (/\d$/.test(s) ? `${s}${suffix}` : s);

/** The door's key and label, or null when the parts name no door (no room, no address, no shop name). */
export function doorOf(parts: DoorParts): Door | null {
  const trimmed = (s: string | null | undefined) => (s ?? "").trim() || null;
  const address = trimmed(parts.address);
  const shopName = trimmed(parts.shopName);
  if (parts.kind === "shop") {
    const a = clean(address);
    const n = clean(shopName);
    if (!a && !n) return null;
    return {
      key: `s|${a}|${n}`,
      label: [shopName, address].filter(Boolean).join(" · "),
      building: null,
      unitNo: null,
      room: null,
      address,
      shopName,
    };
  }
  let building = part(parts.building, BUILDING_SUFFIX);
  let unitNo = part(parts.unitNo, UNIT_SUFFIX);
  let room = part(parts.room, ROOM_SUFFIX);
  if (!(building && room) && address) {
    const parsed = parseDoorAddress(address);
    if (parsed) ({ building, unitNo, room } = parsed);
  }
  if (building && room) {
    return {
      key: `h|${building}|${unitNo}|${room}`,
      label: `${withSuffix(building, "栋")}${unitNo ? withSuffix(unitNo, "单元") : ""}${room}`,
      building,
      unitNo: unitNo || null,
      room,
      address,
      shopName: null,
    };
  }
  const a = clean(address);
  if (!a) return null;
  return { key: `h|a:${a}`, label: address!, building: null, unitNo: null, room: null, address, shopName: null };
}
