/** Count quotas, progress against plan and the interviewer QA table (issue 16 parts 3 and 6): tablet and office. */
export interface FieldPlanTexts {
  surveys: Record<string, string>;
  tablet: {
    title: string;
    todayOfTarget: (done: number, target: number) => string;
    noTarget: (done: number) => string;
    assignments: string;
    assignment: (unit: string, survey: string, done: number, target: number) => string;
    cachedAt: (time: string) => string;
    noAssignments: string;
  };
  plan: {
    title: string;
    from: string;
    to: string;
    survey: string;
    allSurveys: string;
    apply: string;
    up: string;
    unit: string;
    interviewer: string;
    target: string;
    completed: string;
    attainment: string;
    total: string;
    byUnit: string;
    byInterviewer: string;
    drillDown: (name: string) => string;
    exportCsv: string;
    exportXlsx: string;
    empty: string;
    loadFailed: string;
  };
  form: {
    title: string;
    intro: string;
    unit: string;
    interviewer: string;
    survey: string;
    from: string;
    to: string;
    target: string;
    save: string;
    remove: string;
    saved: (days: number) => string;
    removed: string;
    failed: (message: string) => string;
  };
  qa: {
    title: string;
    interviewer: string;
    interviews: string;
    medianDuration: string;
    speeding: string;
    straightLining: string;
    distance: string;
    farFromCentre: string;
    answerChanges: string;
    minutes: (ms: number | null) => string;
    share: (n: number, share: number) => string;
    metres: (m: number | null, n: number) => string;
    rule: (straightlineMin: number, farM: number) => string;
    empty: string;
  };
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

export const fieldPlanZh: FieldPlanTexts = {
  surveys: { resident: "居民问卷", shopkeeper: "商户问卷", parent: "家长问卷" },
  tablet: {
    title: "今日任务",
    todayOfTarget: (done, target) => `今日 ${done} / 目标 ${target}`,
    noTarget: (done) => `今日 ${done}（未设目标）`,
    assignments: "我的任务",
    assignment: (unit, survey, done, target) => `${unit} · ${survey}：${done} / ${target}`,
    cachedAt: (time) => `任务更新于 ${time}`,
    noAssignments: "今天没有分派给您的任务。",
  },
  plan: {
    title: "任务完成进度",
    from: "开始日期",
    to: "结束日期",
    survey: "问卷",
    allSurveys: "全部问卷",
    apply: "查询",
    up: "返回上一级",
    unit: "单位",
    interviewer: "调查员",
    target: "目标",
    completed: "完成",
    attainment: "完成率",
    total: "合计",
    byUnit: "按单位",
    byInterviewer: "按调查员",
    drillDown: (name) => `查看${name}的下级`,
    exportCsv: "导出 CSV",
    exportXlsx: "导出 Excel",
    empty: "所选范围内没有任务或完成记录。",
    loadFailed: "任务进度加载失败，请稍后重试。",
  },
  form: {
    title: "设置调查任务",
    intro: "为调查员设置每天应完成的访问数（按社区、问卷和日期），可一次设置一段日期。",
    unit: "社区或学校",
    interviewer: "调查员账号",
    survey: "问卷",
    from: "开始日期",
    to: "结束日期",
    target: "每天目标（份）",
    save: "保存任务",
    remove: "清除这段日期的任务",
    saved: (days) => `已保存 ${days} 天的任务。`,
    removed: "已清除这段日期的任务。",
    failed: (message) => `保存失败：${message}`,
  },
  qa: {
    title: "调查员质量核查",
    interviewer: "调查员",
    interviews: "访问数",
    medianDuration: "时长中位数",
    speeding: "过快占比",
    straightLining: "同答占比",
    distance: "距社区中心（中位数）",
    farFromCentre: "超出 1 公里",
    answerChanges: "平均改答次数",
    minutes: (ms) => (ms === null ? "—" : `${(ms / 60_000).toFixed(1)} 分钟`),
    share: (n, share) => `${pct(share)}（${n}）`,
    metres: (m, n) => (m === null ? "—" : `${m} 米（${n} 份有定位）`),
    rule: (min, far) =>
      `过快：时长不足同一问卷全部访问时长中位数的三分之一；${min > 0 ? `同答：共用同一选项列表的 ${min} 道及以上题目答案完全相同` : "同答检查已关闭"}；距离：入户定位与社区中心的直线距离，超过 ${far} 米单列。`,
    empty: "所选范围内没有入户访问。",
  },
};
