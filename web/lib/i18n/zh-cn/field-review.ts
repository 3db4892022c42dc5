/** Texts of supervisor review and back-checks (issue 16): the review page and the tablet's 退回 list. */
export interface FieldReviewTexts {
  returnedTitle: (n: number) => string;
  returnedHint: string;
  returnedBy: (who: string, time: string) => string;
  noHousehold: string;
  revisit: string;
  revisitElsewhere: (unit: string) => string;
  pageTitle: string;
  pageIntro: string;
  queueTitle: string;
  filters: { unit: string; interviewer: string; state: string; from: string; to: string; apply: string; any: string };
  states: Record<"pending" | "approved" | "returned" | "doubtful", string>;
  columns: { time: string; unit: string; interviewer: string; household: string; duration: string; state: string };
  seconds: (n: number) => string;
  answers: string;
  masked: string;
  empty: string;
  loading: string;
  reason: string;
  reasonHint: string;
  setState: Record<"approved" | "returned" | "doubtful", string>;
  saved: (state: string) => string;
  failed: (message: string) => string;
  close: string;
  more: string;
  flagged: string;
  backCheckTitle: string;
  backCheckIntro: string;
  draw: string;
  drawn: (n: number, candidates: number) => string;
  noBackChecks: string;
  checkOwn: string;
  doCheck: string;
  mode: Record<"phone" | "visit", string>;
  modeLabel: string;
  noAnswer: string;
  submitCheck: string;
  checkResult: (matched: number, compared: number, marked: number) => string;
  agreementTitle: string;
  agreementColumns: { interviewer: string; drawn: string; done: string; agreement: string; low: string };
  lowAgreement: string;
  agreementRule: (threshold: string, min: number) => string;
  settingsTitle: string;
  counted: Record<"approved_pending" | "approved" | "all", string>;
  share: (pct: string) => string;
}

export const fieldReviewZh: FieldReviewTexts = {
  returnedTitle: (n) => `退回的访问 ${n}`,
  returnedHint: "督导退回了以下访问。请按理由重新入户访问，录入一份新问卷；退回的原答卷不计入统计。",
  returnedBy: (who, time) => `${who} 于 ${time} 退回`,
  noHousehold: "（无户号）",
  revisit: "重新访问",
  revisitElsewhere: (unit) => `在访问地点选择“${unit}”和同一问卷后可重新访问`,
  pageTitle: "访问审核",
  pageIntro: "审核辖区内的入户访问：通过、退回（须写理由，访问员平板同步后可见）或存疑。默认只有“通过”和“待审核”的访问计入统计。",
  queueTitle: "待审核队列",
  filters: { unit: "单位", interviewer: "访问员", state: "审核状态", from: "开始日期", to: "结束日期", apply: "筛选", any: "全部" },
  states: { pending: "待审核", approved: "通过", returned: "退回", doubtful: "存疑" },
  columns: { time: "完成时间", unit: "单位", interviewer: "访问员", household: "户号", duration: "时长", state: "状态" },
  seconds: (n) => (n >= 60 ? `${Math.floor(n / 60)} 分 ${n % 60} 秒` : `${n} 秒`),
  answers: "答案",
  masked: "电话、证件号和户号已脱敏（无个人信息查看权限）。",
  empty: "没有符合条件的访问。",
  loading: "正在加载…",
  reason: "理由",
  reasonHint: "退回或存疑须写明理由；退回的理由会显示在访问员的平板上。",
  setState: { approved: "通过", returned: "退回", doubtful: "存疑" },
  saved: (state) => `已设为“${state}”。`,
  failed: (message) => `操作失败：${message}`,
  close: "收起",
  more: "查看",
  flagged: "不计入统计",
  backCheckTitle: "复核（回访）",
  backCheckIntro: "按设置的比例为每位访问员随机抽取已完成的访问，由其他组员电话或上门重问几道题，系统与原答案比对。",
  draw: "抽取复核样本",
  drawn: (n, candidates) => `从 ${candidates} 份访问中新抽取 ${n} 份。`,
  noBackChecks: "暂无待复核的访问。",
  checkOwn: "本人的访问须由其他组员复核",
  doCheck: "记录复核",
  mode: { phone: "电话", visit: "上门" },
  modeLabel: "复核方式",
  noAnswer: "未回答",
  submitCheck: "提交复核",
  checkResult: (matched, compared, marked) =>
    `一致 ${matched} / ${compared} 题。${marked > 0 ? `该访问员一致率低于要求，其 ${marked} 份未审核访问已标为存疑。` : ""}`,
  agreementTitle: "访问员复核一致率",
  agreementColumns: { interviewer: "访问员", drawn: "抽取", done: "已复核", agreement: "一致率", low: "提示" },
  lowAgreement: "一致率偏低",
  agreementRule: (threshold, min) => `至少复核 ${min} 份且一致率低于 ${threshold} 时，该访问员其余未审核的访问自动标为存疑。`,
  settingsTitle: "计入统计的审核状态",
  counted: { approved_pending: "通过和待审核", approved: "仅通过", all: "全部（含退回、存疑）" },
  share: (pct) => `复核比例 ${pct}`,
};
