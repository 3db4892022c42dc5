import type { User } from "../auth/users";
import { invalid, Refusal } from "../refusal";

/**
 * Who sees personal data unmasked (issue 19): only an admin or office account that an admin has
 * given the personal-data permission (users.personal_data, off by default for everyone, admins
 * included). Everyone else gets the masked values of mask.ts.
 */
export function mayReveal(user: Pick<User, "role" | "personalData">): boolean {
  return user.personalData && (user.role === "admin" || user.role === "office");
}

/** The least a stated reason for an unmasked export must say. */
export const MIN_REASON_LENGTH = 4;

/**
 * Whether an export may leave unmasked: asked for, by a holder of the permission (403
 * `personal_data_required` otherwise), with a reason (422 `reason_required`). Not asking gives the
 * masked file to everyone, holders included: unmasked data leaves only on purpose, and audited.
 */
export function unmaskedExportAllowed(
  user: Pick<User, "role" | "personalData">,
  request: { unmasked: boolean; reason?: string | undefined },
): { reveal: false } | { reveal: true; reason: string } {
  if (!request.unmasked) return { reveal: false };
  if (!mayReveal(user)) {
    throw new Refusal("forbidden", "personal_data_required", "导出未脱敏的个人信息需要管理员授予的个人信息查看权限");
  }
  const reason = request.reason?.trim() ?? "";
  if (reason.length < MIN_REASON_LENGTH) {
    throw invalid("reason_required", `导出未脱敏的个人信息须写明用途（至少 ${MIN_REASON_LENGTH} 个字）`, [
      { path: "reason", message: "请写明导出未脱敏数据的用途" },
    ]);
  }
  return { reveal: true, reason };
}
