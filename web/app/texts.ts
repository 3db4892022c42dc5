import { adminTextsZh, type AdminTexts } from "../features/admin/admin-texts";
import type { PosterClosedCode } from "../features/respondent/types";

/**
 * Every text the UI shows, in one typed object, so a second language is one more object of the
 * same type. Code reads `texts.<area>.<key>`; texts with numbers or names are functions.
 */
export interface Texts {
  appName: string;
  common: {
    loading: string;
    building: string;
    notFoundTitle: string;
    notFoundBody: string;
    backHome: string;
  };
  respondent: {
    loading: string;
    loadingQuestions: string;
    invalidTokenTitle: string;
    invalidTokenBody: string;
    loadFailedTitle: string;
    loadFailedBody: string;
    reload: string;
    draftRestored: string;
    versionChanged: string;
    submitting: string;
    offline: string;
    retryIn: (seconds: number) => string;
    retryNow: string;
    rateLimited: string;
    invalidTitle: string;
    invalidBody: string;
    rejectedTitle: string;
    rejectedBody: string;
    /** A revoked poster, or one outside its collection window (410 from the server). */
    closedTitles: Record<PosterClosedCode, string>;
    closedBody: string;
    closedAfterFilling: string;
    thanksTitle: string;
    thanksBody: string;
    thanksNote: string;
    documentTitle: (unitName: string) => string;
  };
  /** Strings of SurveyJS's own Chinese locale that read badly (machine-translated) replaced. */
  surveyLocale: Record<string, string>;
  auth: {
    loginTitle: string;
    username: string;
    password: string;
    submit: string;
    submitting: string;
    badCredentials: string;
    tooMany: string;
    networkError: string;
    unexpectedError: (message: string) => string;
    logout: string;
    checking: string;
    roles: Record<"admin" | "office" | "interviewer", string>;
    scope: string;
  };
  shell: {
    nav: { dashboard: string; admin: string };
    loggedInAs: (name: string, role: string) => string;
  };
  pages: {
    dashboardTitle: string;
    dashboardBody: string;
    adminTitle: string;
    adminBody: string;
    adminOnly: string;
    interviewTitle: string;
    interviewBody: string;
    whoAmI: (name: string, role: string, scope: string) => string;
  };
  dashboard: DashboardTexts;
  interview: InterviewTexts;
  admin: AdminTexts;
}

/** Texts of the office dashboard (/dashboard) and its printable monthly report. */
export interface DashboardTexts {
  title: string;
  metrics: Record<"awareness" | "support" | "participation" | "satisfaction", string>;
  status: Record<"pass" | "fail" | "insufficient", string>;
  certain: string;
  uncertain: string;
  respondents: string;
  answers: string;
  rate: string;
  ci: string;
  score: string;
  threshold: (percent: string) => string;
  audience: string;
  audiences: Record<"all" | "resident" | "shopkeeper" | "parent", string>;
  channel: string;
  channels: Record<"all" | "qr" | "interview", string>;
  from: string;
  to: string;
  includeFlagged: string;
  reset: string;
  live: (time: string) => string;
  offline: string;
  ranking: string;
  rankingStreets: string;
  rankingSchools: string;
  rank: string;
  unit: string;
  lowest: string;
  noChildren: string;
  chartTitle: (metric: string) => string;
  rankBy: string;
  questions: string;
  question: string;
  survey: string;
  positive: string;
  noData: string;
  trend: string;
  week: string;
  plan: string;
  target: string;
  progress: string;
  moreToDecide: string;
  decided: string;
  undecidable: string;
  exportXlsx: string;
  exportCsv: string;
  report: string;
  print: string;
  reportTitle: (unit: string, period: string) => string;
  reportPeriodAll: string;
  generatedAt: (time: string) => string;
  backToDashboard: string;
  up: string;
  settings: string;
  settingsFor: (unit: string) => string;
  settingsHint: string;
  settingsSource: (value: string, from: string) => string;
  settingsFromHere: string;
  settingsDefault: string;
  minRespondents: string;
  save: string;
  saved: string;
  loadFailed: string;
  forbidden: string;
}

/** Texts of the offline tablet app (/interview) and the field-progress view. */
export interface InterviewTexts {
  title: string;
  loginHint: string;
  loginNeedsNetwork: string;
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
  outcomes: Record<"completed" | "refused" | "not_home" | "vacant", string>;
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
  field: {
    title: string;
    unit: string;
    interviewers: string;
    interviewer: string;
    day: string;
    communities: string;
    visits: string;
    outcomes: Record<"completed" | "refused" | "notHome" | "vacant", string>;
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

const interviewZhCN: InterviewTexts = {
  title: "入户访问",
  loginHint: "请在有网络时登录一次，之后可离线访问。",
  loginNeedsNetwork: "登录需要网络，请连接网络后再试。",
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
  outcomes: { completed: "完成", refused: "拒访", not_home: "不在家", vacant: "无人居住" },
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
  field: {
    title: "入户进度",
    unit: "单位",
    interviewers: "调查员每日访问量",
    interviewer: "调查员",
    day: "日期",
    communities: "各社区入户情况",
    visits: "入户",
    outcomes: { completed: "完成", refused: "拒访", notHome: "不在家", vacant: "无人居住" },
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

export const zhCN: Texts = {
  interview: interviewZhCN,
  appName: "创文问卷",
  common: {
    loading: "加载中…",
    building: "建设中",
    notFoundTitle: "页面不存在",
    notFoundBody: "您访问的页面不存在，请检查链接是否正确。",
    backHome: "返回首页",
  },
  respondent: {
    loading: "正在加载问卷…",
    loadingQuestions: "正在加载题目…",
    invalidTokenTitle: "二维码无效或已过期",
    invalidTokenBody: "请扫描张贴处最新的二维码，或联系社区工作人员。",
    loadFailedTitle: "问卷加载失败",
    loadFailedBody: "网络不稳定，请检查网络后重新加载。",
    reload: "重新加载",
    draftRestored: "已恢复您上次填写的内容，可以接着填写。",
    versionChanged: "问卷内容已更新，仍然适用的答案已为您保留，请从第一页核对。",
    submitting: "正在提交，请稍候…",
    offline: "网络不稳定，您的答案已保存在本机，正在重试…",
    retryIn: (seconds) => `${seconds} 秒后自动重试`,
    retryNow: "立即重试",
    rateLimited: "提交过于频繁，请稍后再试",
    invalidTitle: "有几处答案需要修改",
    invalidBody: "请根据下面的提示修改后再次提交：",
    rejectedTitle: "提交未成功",
    rejectedBody: "您的答案已保存在本机。请稍后再试，或联系社区工作人员。",
    closedTitles: { poster_revoked: "该二维码已停用", poster_not_open: "调查尚未开始", poster_closed: "调查已结束" },
    closedBody: "如有疑问，请联系社区工作人员。",
    closedAfterFilling: "此二维码现已不再收集问卷，您的答案未能提交。",
    thanksTitle: "感谢您的参与！",
    thanksBody: "您的意见已经提交。共建文明城市，有您的一份力量。",
    thanksNote: "可以直接关闭本页面。",
    documentTitle: (unitName) => `${unitName} · 创文问卷`,
  },
  surveyLocale: {
    placeholder: "请选择…",
    ratingOptionsCaption: "请选择…",
    buttongroupOptionsCaption: "请选择…",
    loadingSurvey: "问卷正在加载中…",
  },
  auth: {
    loginTitle: "登录",
    username: "用户名",
    password: "密码",
    submit: "登录",
    submitting: "正在登录…",
    badCredentials: "用户名或密码错误",
    tooMany: "尝试次数过多，请稍后再试",
    networkError: "网络连接失败，请检查网络后重试",
    unexpectedError: (message) => `登录失败：${message}`,
    logout: "退出登录",
    checking: "正在验证登录状态…",
    roles: { admin: "管理员", office: "单位用户", interviewer: "调查员" },
    scope: "管理范围",
  },
  shell: {
    nav: { dashboard: "数据看板", admin: "管理" },
    loggedInAs: (name, role) => `${name}（${role}）`,
  },
  pages: {
    dashboardTitle: "数据看板",
    dashboardBody: "知晓率、支持率、参与率、满意率看板正在建设中。",
    adminTitle: "管理",
    adminBody: "单位、用户、二维码海报与问卷版本管理正在建设中。",
    adminOnly: "仅管理员可以访问此页面。",
    interviewTitle: "入户访问",
    interviewBody: "调查员离线入户访问功能正在建设中。",
    whoAmI: (name, role, scope) => `当前登录：${name}，角色：${role}，管理范围：${scope}`,
  },
  dashboard: {
    title: "创文测评数据看板",
    metrics: { awareness: "知晓率", support: "支持率", participation: "参与率", satisfaction: "满意率" },
    status: { pass: "达标", fail: "未达标", insufficient: "样本不足" },
    certain: "结论确定",
    uncertain: "结论尚不确定",
    respondents: "样本量",
    answers: "有效回答",
    rate: "比率",
    ci: "95%置信区间",
    score: "满意度得分",
    threshold: (percent) => `达标线 ${percent}`,
    audience: "调查对象",
    audiences: { all: "全部", resident: "居民", shopkeeper: "商户", parent: "家长" },
    channel: "渠道",
    channels: { all: "全部", qr: "扫码填写", interview: "入户访问" },
    from: "开始日期",
    to: "结束日期",
    includeFlagged: "含可疑答卷",
    reset: "重置",
    live: (time) => `实时更新 · ${time}`,
    offline: "连接中断，正在重试…",
    ranking: "排名",
    rankingStreets: "下级单位排名",
    rankingSchools: "学校排名",
    rank: "名次",
    unit: "单位",
    lowest: "末位",
    noChildren: "没有下级单位",
    chartTitle: (metric) => `${metric}（按单位）`,
    rankBy: "排名指标",
    questions: "分题比率（由低到高）",
    question: "题目",
    survey: "问卷",
    positive: "肯定回答",
    noData: "暂无数据",
    trend: "每周趋势",
    week: "周",
    plan: "样本规划",
    target: "计划样本",
    progress: "完成进度",
    moreToDecide: "还需样本",
    decided: "已可判定",
    undecidable: "无法判定",
    exportXlsx: "导出 Excel",
    exportCsv: "导出 CSV",
    report: "月度通报",
    print: "打印",
    reportTitle: (unit, period) => `${unit}创文测评月度通报（${period}）`,
    reportPeriodAll: "全部时间",
    generatedAt: (time) => `生成时间：${time}`,
    backToDashboard: "返回看板",
    up: "返回上级",
    settings: "达标线设置",
    settingsFor: (unit) => `${unit}及其下级的达标线`,
    settingsHint: "留空表示沿用上级单位的设置；只能修改本人管辖范围内的单位。",
    settingsSource: (value, from) => `当前 ${value}（${from}）`,
    settingsFromHere: "本单位设置",
    settingsDefault: "系统默认",
    minRespondents: "最少样本量",
    save: "保存",
    saved: "已保存",
    loadFailed: "数据加载失败，正在重试…",
    forbidden: "无权查看该单位的数据",
  },
  admin: adminTextsZh,
};

export const texts: Texts = zhCN;
