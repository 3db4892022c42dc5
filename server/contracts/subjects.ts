import { z } from "zod";
import { unitCodeSchema } from "./units";

/**
 * A data subject request (个人信息主体请求, issue 19): everything linked to one device id or one
 * household label (exact, optionally in one unit), always inside the admin's scope.
 */
const subjectFields = {
  deviceId: z.string().trim().min(1, "请填写设备编号").max(128).optional(),
  household: z.string().trim().min(1, "请填写户号或地址").max(200).optional(),
  unit: unitCodeSchema.optional(),
};

const oneKey = { message: "请按设备编号或户号查找（二选一）", path: ["deviceId"] };
const hasOneKey = (q: { deviceId?: string; household?: string }) => (q.deviceId === undefined) !== (q.household === undefined);

const reason = z.string().trim().min(2, "请写明理由").max(500);

export const subjectQuerySchema = z.object(subjectFields).refine(hasOneKey, oneKey);
export type SubjectQuery = z.infer<typeof subjectQuerySchema>;

export const SUBJECT_EXPORT_FORMATS = ["json", "xlsx"] as const;

/** POST /admin/subjects/export: the request, a format and why (audited). */
export const subjectExportSchema = z
  .object({ ...subjectFields, format: z.enum(SUBJECT_EXPORT_FORMATS).default("json"), reason })
  .refine(hasOneKey, oneKey);

/** POST /admin/subjects/anonymise: the request and why (audited). */
export const subjectAnonymiseSchema = z.object({ ...subjectFields, reason }).refine(hasOneKey, oneKey);

export { ANONYMISED_TEXT, SUBJECT_SUMMARY_ITEMS } from "./subject-limits";
