/** 个人信息查询与处理 (data subject requests) in the admin page. */
export interface SubjectsTexts {
  title: string;
  intro: string;
  by: string;
  byDevice: string;
  byHousehold: string;
  deviceLabel: string;
  householdLabel: string;
  unitLabel: string;
  search: string;
  searching: string;
  counts: {
    responses: string;
    visits: string;
    devices: string;
    comments: string;
    loginSources: string;
  };
  nothing: string;
  retained: (audit: number, webhooks: number, issues: number) => string;
  limits: string;
  shownFirst: (n: number) => string;
  responsesTitle: string;
  visitsTitle: string;
  devicesTitle: string;
  commentsTitle: string;
  columns: {
    id: string;
    unit: string;
    completedAt: string;
    device: string;
    freeText: string;
    household: string;
    outcome: string;
    visitedAt: string;
    gps: string;
    user: string;
    heartbeat: string;
    text: string;
  };
  reason: string;
  reasonHint: string;
  exportJson: string;
  exportXlsx: string;
  exported: (name: string) => string;
  anonymise: string;
  confirmTitle: string;
  confirmText: (total: number) => string;
  confirm: string;
  cancel: string;
  anonymised: (c: { responses: number; visits: number; devices: number; comments: number; loginSources: number }) => string;
  failed: (message: string) => string;
}

export const subjectsZh: SubjectsTexts = {
  title: "个人信息查询与处理",
  intro:
    "按设备编号或户号查找本辖区内与之相关的全部记录，可导出（查阅、复制）或匿名化（删除个人信息）。每次导出和匿名化都须写明理由，并记入操作日志。匿名化不改变任何统计数字。",
  by: "查找方式",
  byDevice: "设备编号",
  byHousehold: "户号或地址",
  deviceLabel: "设备编号",
  householdLabel: "户号或地址（须与登记的完全一致）",
  unitLabel: "限定单位（可选）",
  search: "查找",
  searching: "查找中…",
  counts: {
    responses: "答卷",
    visits: "入户记录",
    devices: "平板心跳",
    comments: "意见建议",
    loginSources: "登录来源",
  },
  nothing: "本辖区内没有与之相关的记录。",
  retained: (a, w, i) =>
    `另有提及此编号的记录保留不变：操作日志 ${a} 条（只增不改）、已发出的推送 ${w} 条、问题清单 ${i} 条（由工作人员填写，请人工核查）。`,
  limits:
    "无法查找：访问者的网络地址只以加密摘要保存（答卷来源、登录地址、登录失败记录），设备编号或户号都找不到它们；登录来源只能用登录时的设备标识原样查到。",
  shownFirst: (n) => `只列出前 ${n} 条，导出文件包含全部。`,
  responsesTitle: "答卷",
  visitsTitle: "入户记录",
  devicesTitle: "平板心跳",
  commentsTitle: "意见建议",
  columns: {
    id: "编号",
    unit: "单位",
    completedAt: "完成时间",
    device: "设备",
    freeText: "填写的文字",
    household: "户号",
    outcome: "结果",
    visitedAt: "入户时间",
    gps: "位置",
    user: "用户",
    heartbeat: "最近心跳",
    text: "内容",
  },
  reason: "理由（必填，记入操作日志）",
  reasonHint: "例如：本人来电申请查阅 / 申请删除（工单号…）",
  exportJson: "导出 JSON",
  exportXlsx: "导出 Excel",
  exported: (name) => `已导出 ${name}`,
  anonymise: "匿名化…",
  confirmTitle: "确认匿名化",
  confirmText: (n) =>
    `将把以上 ${n} 条记录中的设备编号、户号换成匿名代号，清除位置，文字内容替换为“已匿名处理”。答题选项和统计数字不变。此操作不能撤销。`,
  confirm: "确认匿名化",
  cancel: "取消",
  anonymised: (c) =>
    `已匿名化：答卷 ${c.responses} 份、入户记录 ${c.visits} 条、平板心跳 ${c.devices} 条、意见建议 ${c.comments} 条、登录来源 ${c.loginSources} 条。`,
  failed: (m) => `操作失败：${m}`,
};
