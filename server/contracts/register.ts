import { z } from "zod";
import { unitCodeSchema } from "./units";

/** The two lists the 两个百分百 goals are measured against: 入户宣传 (households) and 沿街商铺宣传 (shops). */
export const REGISTER_KINDS = ["household", "shop"] as const;
export type RegisterKind = (typeof REGISTER_KINDS)[number];

/** How many entries one file may hold: a district's doors, with room to spare. */
export const MAX_REGISTER_ROWS = 200_000;

const part = z.string().trim().max(100).nullish();

/**
 * A door found in the field, sent with the first visit that knocked on it: created server-side
 * under the visit's `registerEntryId` (the tablet's client id), idempotently. A household names
 * building + room (unit optional) or a free address; a shop names its address or its name.
 */
export const newDoorSchema = z
  .object({
    kind: z.enum(REGISTER_KINDS),
    building: part,
    unitNo: part,
    room: part,
    address: z.string().trim().max(200).nullish(),
    shopName: part,
  })
  .refine((d) => !!(d.address || (d.building && d.room) || (d.kind === "shop" && d.shopName)), {
    message: "请填写楼栋和房号，或地址（商铺可填店名）",
    path: ["address"],
  });
export type NewDoor = z.infer<typeof newDoorSchema>;

/** GET /register: one community's doors for the tablet's offline copy. */
export const registerQuerySchema = z.object({ unit: unitCodeSchema });

/** PUT /register/attempt-limit: after this many 不在家 tries a door is final non-contact (AAPOR 2.24). */
export const attemptLimitUpdateSchema = z.object({
  unit: unitCodeSchema,
  limit: z.number().int().min(1, "至少 1 次").max(20, "最多 20 次"),
});
export const attemptLimitQuerySchema = z.object({ unit: unitCodeSchema.optional() });

/** PUT /register/assignments: give doors of one community to an interviewer (null: take them back). */
export const registerAssignSchema = z.object({
  unit: unitCodeSchema,
  entryIds: z.array(z.uuid()).min(1).max(5000),
  assignedTo: z.string().trim().min(1).max(64).nullable(),
});
export type RegisterAssign = z.infer<typeof registerAssignSchema>;
