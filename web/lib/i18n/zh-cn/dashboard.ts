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
  saved: string;
  loadFailed: string;
  forbidden: string;
}

export const dashboardZh: DashboardTexts = {
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
  saved: "已保存",
  loadFailed: "数据加载失败，正在重试…",
  forbidden: "无权查看该单位的数据",
};
