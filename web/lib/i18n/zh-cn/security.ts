/** Texts of the 等保 controls: password rules, the idle note, 登录记录 and the audit export. */
export interface SecurityTexts {
  /** Under every new-password field: the server's rule, or this while it loads. */
  rulesLoading: string;
  expired: string;
  idleNote: (minutes: number) => string;
  logins: {
    intro: string;
    at: string;
    username: string;
    outcome: string;
    address: string;
    device: string;
    outcomes: Record<"success" | "wrong_password" | "unknown_user" | "disabled" | "throttled", string>;
    filterUser: string;
    allOutcomes: string;
    none: string;
    more: string;
  };
  auditExport: { label: string; csv: string; xlsx: string };
}

export const securityZh: SecurityTexts = {
  rulesLoading: "正在读取密码规则…",
  expired: "您的密码已过期，请先修改密码再继续使用。",
  idleNote: (m) => (m % 60 === 0 ? `闲置 ${m / 60} 小时后自动退出登录` : `闲置 ${m} 分钟后自动退出登录`),
  logins: {
    intro: "本管辖范围内用户的登录记录（成功与失败）。地址只显示网段，设备只显示标识的摘要。",
    at: "时间",
    username: "用户名",
    outcome: "结果",
    address: "地址（网段）",
    device: "设备摘要",
    outcomes: {
      success: "登录成功",
      wrong_password: "密码错误",
      unknown_user: "用户不存在",
      disabled: "账号已停用",
      throttled: "尝试过多被拦截",
    },
    filterUser: "按用户名筛选",
    allOutcomes: "全部结果",
    none: "暂无登录记录",
    more: "更早的记录",
  },
  auditExport: { label: "导出操作日志", csv: "导出 CSV", xlsx: "导出 Excel" },
};
