/** Texts of the offline tablet app (/interview) and the field-progress view. */
export interface InterviewTexts {
  title: string;
  loginHint: string;
  loginNeedsNetwork: string;
  notForRole: string;
  sessionExpired: (pending: number) => string;
  loggedOut: string;
  logout: string;
  pending: (n: number) => string;
  synced: (n: number) => string;
  lastSync: (time: string) => string;
  neverSynced: string;
  online: string;
  offline: string;
  syncing: string;
  retryAt: (time: string) => string;
  syncNow: string;
  /** Why 立即同步 is disabled offline: said in words, not by colour. */
  syncOffline: string;
  authRequired: string;
  loginAgain: string;
  area: string;
  chooseArea: string;
  changeArea: string;
  up: string;
  audience: string;
  chooseAudience: string;
  unitsUnavailable: string;
  newVisit: string;
  household: string;
  householdPlaceholder: string;
  householdRequired: string;
  outcomes: Record<"completed" | "refused" | "not_home" | "vacant" | "not_eligible", string>;
  startInterview: string;
  saved: (household: string, outcome: string) => string;
  needsAttention: (n: number) => string;
  needsAttentionHint: string;
  retry: string;
  visits: string;
  noVisits: string;
  states: Record<"pending" | "done" | "needs_attention", string>;
  interviewing: (household: string, unit: string) => string;
  notReadHint: string;
  abandon: string;
  abandonConfirm: string;
  resumeDraft: string;
  surveyUnavailable: string;
  location: (accuracy: number) => string;
  noLocation: string;
  undo: string;
  undoWithin: (seconds: number) => string;
  undone: (household: string, outcome: string) => string;
  undoTooLate: string;
  correct: string;
  correctTitle: (household: string) => string;
  outcome: string;
  saveCorrection: string;
  cancel: string;
  corrected: (household: string) => string;
  correctLocked: string;
  editRule: string;
  idTaken: string;
  discard: string;
  discardTitle: (household: string) => string;
  discardReason: string;
  discardReasonHint: string;
  confirmDiscard: string;
  discardOffline: string;
  discardRefused: (message: string) => string;
  discarded: (household: string) => string;
  today: string;
  todayCount: (n: number) => string;
  olderSynced: (n: number) => string;
  showMore: (n: number) => string;
  opening: {
    title: string;
    script: (unit: string) => string;
    note: string;
    respondentRefused: string;
  };
  /** The consent step before any GPS position is recorded (issue 19); its body is an admin setting. */
  gps: {
    title: string;
    agree: string;
    refuse: string;
    granted: string;
    refused: string;
    change: string;
  };
  field: {
    title: string;
    unit: string;
    interviewers: string;
    interviewer: string;
    day: string;
    communities: string;
    visits: string;
    outcomes: Record<"completed" | "refused" | "notHome" | "vacant" | "notEligible", string>;
    households: string;
    visitedHouseholds: string;
    coverage: string;
    responseRate: string;
    devices: string;
    device: string;
    user: string;
    lastHeartbeat: string;
    pending: string;
    needsAttention: string;
    lastSync: string;
    appVersion: string;
    total: string;
    empty: string;
    loadFailed: string;
  };
}

export const interviewZh: InterviewTexts = {
  title: "入户访问",
  loginHint: "请在有网络时登录一次，之后可离线访问。",
  loginNeedsNetwork: "登录需要网络，请连接网络后再试。",
  notForRole:
    "入户访问仅供调查员使用。单位用户请在电脑或手机上打开“数据看板”（/dashboard）查看数据；如需入户调查，请由管理员开通调查员账号。",
  sessionExpired: (pending) =>
    pending > 0 ? `登录已过期，请重新登录。本机还有 ${pending} 条未同步记录，已安全保存，登录后自动同步。` : "登录已过期，请重新登录。",
  loggedOut: "已退出。未同步的记录仍保存在本机，原调查员再次登录后自动同步。",
  logout: "退出",
  pending: (n) => `待同步 ${n}`,
  synced: (n) => `已同步 ${n}`,
  lastSync: (time) => `上次同步 ${time}`,
  neverSynced: "尚未同步",
  online: "在线",
  offline: "离线",
  syncing: "正在同步…",
  retryAt: (time) => `${time} 重试`,
  syncNow: "立即同步",
  syncOffline: "离线，联网后自动同步",
  authRequired: "登录已过期，记录已保存在本机，请重新登录后同步",
  loginAgain: "重新登录",
  area: "访问地点",
  chooseArea: "选择社区（或学校）",
  changeArea: "更换",
  up: "返回上级",
  audience: "问卷",
  chooseAudience: "选择问卷",
  unitsUnavailable: "离线且本机没有该单位的资料，请联网后再选择。",
  newVisit: "新建入户记录",
  household: "户号 / 地址",
  householdPlaceholder: "例如：3栋2单元501",
  householdRequired: "请先填写户号或地址",
  outcomes: { completed: "完成", refused: "拒访", not_home: "不在家", vacant: "无人居住", not_eligible: "非目标户" },
  startInterview: "完成（开始问卷）",
  saved: (household, outcome) => `已保存：${household} · ${outcome}`,
  needsAttention: (n) => `需处理 ${n}`,
  needsAttentionHint: "以下记录被服务器拒收，已保留在本机。请根据原因处理，或联系管理员后重试。",
  retry: "重试",
  visits: "本机记录",
  noVisits: "还没有入户记录。",
  states: { pending: "待同步", done: "已同步", needs_attention: "需处理" },
  interviewing: (household, unit) => `${unit} · ${household}`,
  notReadHint: "标有虚线框的选项（不读出）不要读给受访者听。",
  abandon: "放弃本次访问",
  abandonConfirm: "确定放弃本次访问？已填写的答案将被删除。",
  resumeDraft: "已恢复未完成的访问，可以接着填写。",
  surveyUnavailable: "离线且本机没有该问卷，请联网后再试。",
  location: (accuracy) => `已定位（±${Math.round(accuracy)} 米）`,
  noLocation: "未定位",
  undo: "撤销",
  undoWithin: (seconds) => `${seconds} 秒内可撤销`,
  undone: (household, outcome) => `已撤销：${household} · ${outcome}，该记录已删除，可重新登记。`,
  undoTooLate: "该记录已开始同步，无法撤销；如有错误请联系管理员。",
  correct: "更正",
  correctTitle: (household) => `更正：${household}`,
  outcome: "访问结果",
  saveCorrection: "保存更正",
  cancel: "取消",
  corrected: (household) => `已更正：${household}`,
  correctLocked: "该记录正在同步或已同步，不能再更改。",
  editRule: "未同步的记录可以更正；已同步的记录已交给服务器，不能再更改。",
  idTaken: "服务器已有同编号的另一条记录，不能更正，只能放弃。",
  discard: "放弃…",
  discardTitle: (household) => `放弃：${household}`,
  discardReason: "放弃原因",
  discardReasonHint: "原因会上报服务器并记入审计日志。放弃后该记录从本机删除，不会计入统计。",
  confirmDiscard: "确认放弃",
  discardOffline: "放弃需要联网，以便服务器记录原因。请联网后再试，记录仍保留在本机。",
  discardRefused: (message) => `服务器未接受：${message}`,
  discarded: (household) => `已放弃：${household}（原因已上报）`,
  today: "今日入户",
  todayCount: (n) => `今日 ${n}`,
  olderSynced: (n) => `另有 ${n} 条较早的已同步记录只保留统计，不再逐条显示。`,
  showMore: (n) => `显示更多（还有 ${n} 条）`,
  opening: {
    title: "开场白（请读给受访者听）",
    script: (unit) =>
      `您好！我是创建全国文明城市工作的调查员，这是我的工作证。我们正在${unit}做一项关于创建全国文明城市的调查，想占用您几分钟时间问几个问题。调查不记名，您的回答只用于统计分析，不会对外公开。请问现在方便吗？`,
    note: "读开场白前先出示工作证。受访者同意后再往下读题；不同意时点“受访者拒访”，本户记为拒访。",
    respondentRefused: "受访者拒访",
  },
  gps: {
    title: "是否记录访问位置？",
    agree: "同意记录位置",
    refuse: "不记录位置",
    granted: "访问位置：记录中（本次登录期间）。",
    refused: "访问位置：不记录。访问照常保存，不含位置。",
    change: "更改",
  },
  field: {
    title: "入户进度",
    unit: "单位",
    interviewers: "调查员每日访问量",
    interviewer: "调查员",
    day: "日期",
    communities: "各社区入户情况",
    visits: "入户",
    outcomes: { completed: "完成", refused: "拒访", notHome: "不在家", vacant: "无人居住", notEligible: "非目标户" },
    households: "户数",
    visitedHouseholds: "已访户数",
    coverage: "入户覆盖率",
    responseRate: "完成率",
    devices: "调查设备",
    device: "设备",
    user: "最近使用人",
    lastHeartbeat: "最近联系",
    pending: "待同步",
    needsAttention: "需处理",
    lastSync: "上次同步",
    appVersion: "版本",
    total: "合计",
    empty: "暂无数据",
    loadFailed: "数据加载失败",
  },
};
