/** The 题目分布 section of the dashboard (issue 14): every question's answers, and the cross-tab. */
export interface DistributionsTexts {
  title: string;
  intro: string;
  survey: string;
  surveys: Record<string, string>;
  responses: (n: number) => string;
  respondents: (n: number) => string;
  multiNote: string;
  choice: string;
  count: string;
  share: string;
  chartLabel: (title: string) => string;
  tableCaption: (title: string) => string;
  /** The per-question table is folded under its chart, so thirty questions stay a page, not eleven screens. */
  showTable: string;
  numeric: { count: string; mean: string; min: string; q1: string; median: string; q3: string; max: string };
  numericCaption: (title: string) => string;
  noAnswers: string;
  metricTag: string;
  crosstab: string;
  crosstabIntro: string;
  question: string;
  by: string;
  column: string;
  n: string;
  positive: string;
  rate: string;
  interval: string;
  total: string;
  low: (n: number) => string;
  lowHint: (minN: number) => string;
  crosstabCaption: (question: string, by: string) => string;
  crosstabChart: (question: string, by: string) => string;
  noProfile: string;
  loadFailed: string;
}

export const distributionsZh: DistributionsTexts = {
  title: "题目分布",
  intro: "每道题各选项的人数和占比，按上方筛选条件统计；包括不计入指标的背景题、渠道题和总体评分。",
  survey: "问卷",
  surveys: { resident: "居民问卷", shopkeeper: "商户问卷", parent: "家长问卷" },
  responses: (n) => `答卷 ${n} 份`,
  respondents: (n) => `作答 ${n} 人`,
  multiNote: "多选题：占比按作答人数计算，各项之和可超过 100%。",
  choice: "选项",
  count: "人数",
  share: "占比",
  chartLabel: (title) => `${title}：各选项人数条形图，数据见下表`,
  tableCaption: (title) => `${title}：各选项人数和占比`,
  showTable: "查看数据表",
  numeric: { count: "作答人数", mean: "平均值", min: "最小值", q1: "下四分位数", median: "中位数", q3: "上四分位数", max: "最大值" },
  numericCaption: (title) => `${title}：数值汇总`,
  noAnswers: "暂无作答",
  metricTag: "指标题",
  crosstab: "交叉分析",
  crosstabIntro: "选一道指标题和一道背景题，看不同人群的正面回答率及其 95% 置信区间（Wilson 区间，每人每题只答一次）。",
  question: "指标题",
  by: "按背景题分组",
  column: "分组",
  n: "作答人数",
  positive: "正面回答",
  rate: "正面率",
  interval: "95% 置信区间",
  total: "合计",
  low: (n) => `样本不足（${n} 人）`,
  lowHint: (minN) => `作答少于 ${minN} 人的分组标为“样本不足”，其比率仅供参考。`,
  crosstabCaption: (question, by) => `${question} × ${by}：各组正面率`,
  crosstabChart: (question, by) => `${question}按${by}分组的正面率条形图，数据见下表`,
  noProfile: "该问卷没有可分组的背景题。",
  loadFailed: "题目分布加载失败，请稍后重试。",
};
