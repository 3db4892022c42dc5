import { z } from "zod";

/** Request contracts shared by the server and the web app (schemas only, no runtime code). */
export const loginSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const roleSchema = z.enum(["admin", "office", "interviewer"]);

export const createUserSchema = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.@-]{2,64}$/, "用户名只能包含字母、数字和 _ . @ -，2–64 个字符"),
  password: z.string().min(8, "密码至少 8 位").max(256),
  role: roleSchema,
  scope: z.string().regex(/^[0-9A-Za-z_-]{1,32}$/, "单位代码格式不正确"),
});
