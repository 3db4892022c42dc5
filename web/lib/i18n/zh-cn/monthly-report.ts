/** Texts of the monthly 通报 (/dashboard/report): the page, its print view and its Word file. */
export interface MonthlyReportTexts {
  title: (unit: string, month: string) => string;
  monthLabel: (year: number, month: number) => string;
  monthToDate: (label: string, day: string) => string;
  monthPicker: string;
  currentOption: (label: string) => string;
  issuedOn: (date: string) => string;
  dueLeft: (days: number) => string;
  dueToday: string;
  duePassed: (days: number) => string;
  downloadDocx: string;
  buildingDocx: string;
  docxFailed: string;
  sections: {
    overview: string;
    ranking: string;
    weakQuestions: string;
    coverage: string;
    issues: string;
    notes: string;
  };
  sectionHeading: (n: number, title: string) => string;
  namedLabel: (label: string) => string;
  listSeparator: string;
  previousRate: (label: string) => string;
  change: string;
  significance: string;
  up: (points: string) => string;
  down: (points: string) => string;
  same: string;
  verdicts: { significant: string; noise: string; unknown: string; noData: string };
  changeFormula: string;
  named: { best: string; lowest: string; none: string };
  namedUnit: (unit: string, rate: string) => string;
  weakRule: (n: number) => string;
  noWeakQuestions: string;
  coverageTotals: (visited: string, households: string, coverage: string) => string;
  coverageRule: (shown: number) => string;
  coverageUnknown: string;
  households: string;
  visitedHouseholds: string;
  coverage: string;
  noCoverage: string;
  openIssues: string;
  noData: string;
  scopeLine: (parts: {
    audience: string;
    channel: string;
    flagged: string;
    from: string;
    to: string;
    previousFrom: string;
    previousTo: string;
    thresholds: string;
    generatedAt: string;
  }) => string;
  withFlagged: string;
  withoutFlagged: string;
  thresholdItem: (metric: string, percent: string) => string;
  minRespondents: (n: number) => string;
  monthToDateNote: string;
  chartMetrics: (month: string, previous: string) => string;
  chartRanking: (kind: string, metric: string) => string;
  chartImage: (title: string) => string;
  fileKind: string;
  fileThreshold: (percent: string) => string;
  fileGenerated: (stamp: string) => string;
  fileFlagged: string;
}

export const monthlyReportZh: MonthlyReportTexts = {
  title: (unit, month) => `${unit}创建全国文明城市测评情况通报（${month}）`,
  monthLabel: (year, month) => `${year}年${month}月`,
  monthToDate: (label, day) => `${label}（本月至今，截至${day}）`,
  monthPicker: "通报月份",
  currentOption: (label) => `本月至今（${label}）`,
  issuedOn: (date) => `印发日期：${date}`,
  dueLeft: (days) => `距本月22日还有 ${days} 天`,
  dueToday: "今天是本月22日",
  duePassed: (days) => `本月22日已过 ${days} 天`,
  downloadDocx: "下载 Word 通报",
  buildingDocx: "正在生成 Word 文件…",
  docxFailed: "Word 文件生成失败，请重试",
  sections: {
    overview: "总体情况",
    ranking: "各单位排名",
    weakQuestions: "薄弱题目",
    coverage: "入户宣传覆盖",
    issues: "问题清单",
    notes: "说明",
  },
  sectionHeading: (n, title) => `${"一二三四五六七八九十"[n - 1]}、${title}`,
  namedLabel: (label) => `${label}：`,
  listSeparator: "、",
  previousRate: (label) => `上月（${label}）`,
  change: "变化",
  significance: "是否超出误差",
  up: (points) => `上升 ${points} 个百分点`,
  down: (points) => `下降 ${points} 个百分点`,
  same: "持平",
  verdicts: {
    significant: "变化显著",
    noise: "变化在误差范围内",
    unknown: "样本过少，无法判断是否超出误差",
    noData: "缺少某月数据，无法比较",
  },
  changeFormula:
    "变化是否显著：z =（本月比率 − 上月比率）÷ √（本月方差 + 上月方差），方差按受访者整群计算（统计方法说明 §7）；|z| ≥ 1.96 为变化显著，否则为变化在误差范围内。",
  named: { best: "先进单位", lowest: "末位单位", none: "无（没有单位符合点名规则）" },
  namedUnit: (unit, rate) => `${unit}（${rate}）`,
  weakRule: (n) => `按正向比率从低到高列出最多 ${n} 道题，只列答题数足以可靠判断（可信度不是“样本不足”）的题目。`,
  noWeakQuestions: "本月没有答题数足以可靠判断的题目。",
  coverageTotals: (visited, households, coverage) => `本月入户 ${visited} 户，登记住户 ${households} 户，覆盖率 ${coverage}。`,
  coverageRule: (shown) =>
    `列出覆盖率最低的 ${shown} 个社区（覆盖率 = 本月走访的不同住户 ÷ 登记住户；未登记住户数的社区不计入合计覆盖率）。`,
  coverageUnknown: "未登记",
  households: "登记住户",
  visitedHouseholds: "本月走访住户",
  coverage: "覆盖率",
  noCoverage: "本月没有入户记录。",
  openIssues: "未整改问题数",
  noData: "暂无数据",
  scopeLine: (p) =>
    `调查对象：${p.audience} · 渠道：${p.channel} · ${p.flagged} · 统计期间：${p.from} 至 ${p.to}（对比 ${p.previousFrom} 至 ${p.previousTo}）· 达标线：${p.thresholds} · 生成时间：${p.generatedAt}`,
  withFlagged: "含可疑答卷",
  withoutFlagged: "不含可疑答卷",
  thresholdItem: (metric, percent) => `${metric} ${percent}`,
  minRespondents: (n) => `最少样本 ${n} 人`,
  monthToDateNote: "本月至今的数据与上月整月比较；比率不随天数累加，可以直接比较。",
  chartMetrics: (month, previous) => `各项指标：${month}与${previous}`,
  chartRanking: (kind, metric) => `各${kind}${metric}`,
  chartImage: (title) => `图：${title}`,
  fileKind: "测评通报",
  fileThreshold: (percent) => `达标线${percent}`,
  fileGenerated: (stamp) => `生成${stamp}`,
  fileFlagged: "含可疑答卷",
};
