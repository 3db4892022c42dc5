import { z } from "zod";

/** The kinds of personal data the retention job replaces (the kind column of retention_runs). */
export const RETENTION_KINDS = ["gps", "household"] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

/** Longest keep time that can be set: 100 years (longer means "keep": set the kind to null). */
const MAX_DAYS = 36_500;
const days = z.number({ error: "请填写保留天数" }).int("保留天数须为整数").min(1, "保留天数至少 1 天").max(MAX_DAYS, "保留天数过长");

/**
 * PUT /api/v1/settings/retention (and the answer of GET). Per kind: how many days a value is
 * kept, or null to keep it for good. `countFrom` says from when: `year_end` counts from 31
 * December (Asia/Shanghai) of the record's year, the end of a campaign year, so one year's
 * records are replaced together; `record` counts from the record's own day. A household label
 * is due only when the household's latest visit in its community is, so all its visits are
 * replaced together and distinct-household counts stay exact (docs/api.md "Retention").
 */
export const retentionSettingsSchema = z.strictObject({
  countFrom: z.enum(["year_end", "record"]),
  gps: z.strictObject({ days, action: z.enum(["coarse", "remove"]) }).nullable(),
  household: z.strictObject({ days }).nullable(),
});
export type RetentionSettings = z.infer<typeof retentionSettingsSchema>;

/** GET /api/v1/settings/retention/runs: newest first, `beforeId` pages back. */
export const retentionRunsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  beforeId: z.coerce.number().int().min(1).optional(),
});
