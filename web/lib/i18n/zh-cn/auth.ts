/** Texts of sign-in, sign-out and the session check. */
export interface AuthTexts {
  loginTitle: string;
  username: string;
  password: string;
  submit: string;
  submitting: string;
  badCredentials: string;
  tooMany: string;
  /** 429 with a Retry-After header: how long until the next try is let through. */
  tooManyRetryIn: (seconds: number) => string;
  networkError: string;
  unexpectedError: (message: string) => string;
  logout: string;
  checking: string;
  roles: Record<"admin" | "office" | "interviewer", string>;
  scope: string;
}

export const authZh: AuthTexts = {
  loginTitle: "登录",
  username: "用户名",
  password: "密码",
  submit: "登录",
  submitting: "正在登录…",
  badCredentials: "用户名或密码错误",
  tooMany: "尝试次数过多，请稍后再试",
  tooManyRetryIn: (seconds) =>
    seconds >= 60 ? `尝试次数过多，请 ${Math.ceil(seconds / 60)} 分钟后再试` : `尝试次数过多，请 ${seconds} 秒后再试`,
  networkError: "网络连接失败，请检查网络后重试",
  unexpectedError: (message) => `登录失败：${message}`,
  logout: "退出登录",
  checking: "正在验证登录状态…",
  roles: { admin: "管理员", office: "单位用户", interviewer: "调查员" },
  scope: "管理范围",
};
