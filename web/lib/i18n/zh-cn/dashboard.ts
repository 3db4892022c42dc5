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
  /** What a table export says about itself, inside the file and in its name (issue 14, part 6). */
  exportInfo: {
    table: string;
    unit: string;
    audience: string;
    channel: string;
    dates: string;
    allDates: string;
    open: string;
    until: string;
    flagged: string;
    flaggedIn: string;
    flaggedOut: string;
    threshold: string;
    thresholdShort: string;
    generatedAt: string;
    allAudiences: string;
    allChannels: string;
    sheet: string;
  };
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
  targetOf: (audience: string) => string;
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
  kinds: Record<"city" | "district" | "subdistrict" | "community" | "school_zone" | "school", string>;
  kindSwitch: string;
  kindHasNoAudience: (kind: string, audience: string) => string;
  rankingOf: (kind: string, metric: string) => string;
  rankText: (rank: number, best: number, worst: number) => string;
  rankInterval: string;
  best: string;
  nEff: string;
  band: string;
  bands: Record<"above" | "below" | "within", string>;
  reliabilityColumn: string;
  reliability: { low: (nEff: number) => string; review: string; ok: string };
  reliabilityHint: { low: string; review: string };
  naming: string;
  namingColumn: string;
  namingRule: string;
  unranked: string;
  needed: (n: number) => string;
  neededExplain: (n: number, threshold: string) => string;
  neededDecided: string;
  neededNever: string;
  ciLow: string;
  ciHigh: string;
  modeGap: (direction: "lower" | "higher" | "same", points: string, interval: string | null) => string;
  modeGapWhy: string;
  barTitle: (metric: string) => string;
  bandLegend: Record<"above" | "within" | "below" | "low", string>;
  weekOf: (monday: string) => string;
  weekN: (n: number) => string;
  /** A new questionnaire version on the trend (issue 17); 口径变化 when a metric question's meaning changed. */
  versionMark: (versions: number[], meaningChanged: boolean) => string;
  trendN: (list: string) => string;
  funnelTitle: (metric: string) => string;
  funnelAxis: string;
  funnelLimit95: string;
  funnelLimit998: string;
  funnelUnits: string;
  funnelOutside: string;
  funnelHint: string;
  methods: string;
  loadingRanking: string;
  neededLegend: string;
  metric: string;
  modeGapHeading: string;
  rangeReversed: string;
  weighting: {
    label: string;
    off: string;
    on: string;
    explain: string;
    rate: (rate: string) => string;
    interval: (lo: string, hi: string, nEff: number) => string;
    designEffect: (d: string) => string;
    shift: (points: string) => string;
    none: string;
  };
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
  exportInfo: {
    table: "表格",
    unit: "单位",
    audience: "调查对象",
    channel: "渠道",
    dates: "日期范围（完成时间，北京时间）",
    allDates: "全部日期",
    open: "不限",
    until: "至",
    flagged: "可疑答卷",
    flaggedIn: "含已标记",
    flaggedOut: "不含已标记",
    threshold: "达标线",
    thresholdShort: "达标",
    generatedAt: "生成时间（北京时间）",
    allAudiences: "全部对象",
    allChannels: "全部渠道",
    sheet: "导出信息",
  },
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
  targetOf: (audience) => `计划样本（${audience}）`,
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
  kinds: { city: "市", district: "区县", subdistrict: "街道", community: "社区", school_zone: "学区", school: "学校" },
  kindSwitch: "单位类型",
  kindHasNoAudience: (kind, audience) => `${kind}不开展${audience}问卷，没有${audience}样本，因此不排名。请改选其他调查对象或单位类型。`,
  rankingOf: (kind, metric) => `${kind}排名（${metric}）`,
  rankText: (rank, best, worst) => (best === worst ? `第${rank}名` : `第${rank}名（可能第${best}–${worst}名）`),
  rankInterval: "名次区间",
  best: "先进",
  nEff: "有效样本",
  band: "对照达标线",
  bands: { above: "达标", below: "未达标", within: "无法判断" },
  reliabilityColumn: "可信度",
  reliability: { low: (nEff) => `样本不足（有效样本 ${nEff}）`, review: "需复核", ok: "可靠" },
  reliabilityHint: {
    low: "有效样本少于 30 或置信区间过宽，该数字仅供参考，不宜用于排名或通报。",
    review: "置信区间相对未达标部分偏宽，引用前请复核。",
  },
  naming: "通报标注",
  namingColumn: "通报标注",
  namingRule:
    "名次区间考虑了抽样误差（各单位同时比较）。只有95%置信区间整体低于达标线且样本可靠的单位才标“末位”，整体高于达标线的才标“先进”；其余单位不论名次先后，都不能据此点名。",
  unranked: "暂无数据",
  needed: (n) => `还需 ${n} 份样本`,
  neededExplain: (n, threshold) =>
    `若比率和每份答卷的答题情况保持不变，再收集约 ${n} 份答卷，95%置信区间就不再跨越达标线，可以判断是否达到 ${threshold}。`,
  neededDecided: "已可判断是否达标",
  neededNever: "比率与达标线几乎持平，增加样本也难以判断",
  ciLow: "区间下限(%)",
  ciHigh: "区间上限(%)",
  modeGap: (direction, points, interval) =>
    `${direction === "same" ? "入户访问与扫码填写持平" : `入户访问比扫码填写${direction === "lower" ? "低" : "高"} ${points} 个百分点`}${interval ? `（95%区间 ${interval} 个百分点）` : ""}`,
  modeGapWhy: "扫码为自愿填写，入户为随机抽样；差距大时扫码结果可能偏高，应以入户访问为准。",
  barTitle: (metric) => `${metric}（按单位）`,
  bandLegend: {
    above: "区间整体高于达标线",
    within: "区间跨达标线（无法判断）",
    below: "区间整体低于达标线",
    low: "淡色：样本不足",
  },
  weekOf: (monday) => `${monday} 起一周`,
  weekN: (n) => `n=${n}`,
  versionMark: (versions, changed) => `问卷第${versions.join("、")}版${changed ? "（口径变化）" : ""}`,
  trendN: (list) => `每周样本量（答卷份数，最近 12 周）：${list}`,
  funnelTitle: (metric) => `${metric}漏斗图`,
  funnelAxis: "有效样本",
  funnelLimit95: "95%控制限",
  funnelLimit998: "99.8%控制限",
  funnelUnits: "单位",
  funnelOutside: "控制限外",
  funnelHint: "横轴为有效样本，纵轴为比率；虚线之间的差距可用抽样误差解释，落在控制限外（带名称标注）的单位与达标线的差距是实在的。",
  methods: "统计方法说明",
  loadingRanking: "正在计算排名…",
  metric: "指标",
  neededLegend:
    "有效样本：考虑同一受访者多个回答彼此相关后，相当于多少份独立样本。还需样本：若比率和答题情况保持不变，再收集约多少份答卷后可以判断是否达标。",
  modeGapHeading: "扫码与入户对比",
  rangeReversed: "开始日期不能晚于结束日期，请重新选择。",
  weighting: {
    label: "按年龄结构",
    off: "未加权",
    on: "加权",
    explain: "加权：按本单位（或上级）录入的人口普查年龄结构调整各年龄段的比重，使样本的年龄构成与常住人口一致。",
    rate: (rate) => `年龄加权 ${rate}`,
    interval: (lo, hi, nEff) => `95%区间 ${lo} – ${hi}，有效样本 ${nEff}`,
    designEffect: (d) => `设计效应 ${d}（受访人数 ÷ 加权后的有效样本）`,
    shift: (points) =>
      `${Number(points) >= 0 ? "比未加权高" : "比未加权低"} ${Math.abs(Number(points)).toFixed(1)} 个百分点；是否达标仍按未加权比率判定`,
    none: "年龄加权：有年龄结构的年龄段暂无受访者",
  },
};
