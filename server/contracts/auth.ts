import { z } from "zod";
import { ROLES } from "./roles";

/** Request contracts shared by the server and the web app (schemas only, no runtime code). */
export const loginSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  /**
   * Optional random id the browser keeps for signing in (not the id sent with responses): a
   * correct password from a device that signed in before passes while strangers are throttled.
   */
  deviceId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/, "设备标识格式不正确")
    .optional(),
});

export const roleSchema = z.enum(ROLES);

export const createUserSchema = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.@-]{2,64}$/, "用户名只能包含字母、数字和 _ . @ -，2–64 个字符"),
  // Length and character classes are the server's password policy (PASSWORD_*, 422 weak_password).
  password: z.string().min(1, "请填写密码").max(256),
  role: roleSchema,
  scope: z.string().regex(/^[0-9A-Za-z_-]{1,32}$/, "单位代码格式不正确"),
});

/** Length and character classes are checked by the server's password policy (PASSWORD_*, 422 weak_password). */
const password = z.string().min(1, "请填写密码").max(256);

/** POST /api/v1/auth/password: every user changes their own password, proving the current one. */
export const changeOwnPasswordSchema = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: password,
});

/**
 * PATCH /api/v1/users/:username (admin): any subset of role, scope, disabled, personalData.
 * `personalData` grants (or withdraws) the permission to see personal data unmasked (issue 19);
 * only an admin gives it, to an admin or office account, and the change is audited.
 */
export const updateUserSchema = z
  .object({
    role: roleSchema.optional(),
    scope: z
      .string()
      .regex(/^[0-9A-Za-z_-]{1,32}$/, "单位代码格式不正确")
      .optional(),
    disabled: z.boolean().optional(),
    personalData: z.boolean().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "至少修改一项" });

/** POST /api/v1/users/:username/password (admin): a new password set for someone else. */
export const resetPasswordSchema = z.object({ password });
