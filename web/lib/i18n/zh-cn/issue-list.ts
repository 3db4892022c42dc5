/** 意见建议 and the 问题清单 (issue 14): /dashboard/issues and the dashboard's open-items panel. */
export interface IssueListTexts {
  title: string;
  navLink: string;
  commentsTitle: string;
  itemsTitle: string;
  summaryTitle: string;
  search: string;
  searchPlaceholder: string;
  survey: string;
  allSurveys: string;
  surveys: Record<string, string>;
  from: string;
  to: string;
  includeFlagged: string;
  apply: string;
  noComments: string;
  noItems: string;
  loadMore: string;
  loadFailed: string;
  channel: Record<string, string>;
  flagged: string;
  madeInto: (ids: number[]) => string;
  convert: string;
  convertTitle: string;
  itemTitle: string;
  description: string;
  dueDate: string;
  assignTo: string;
  unitPickerUp: string;
  unitPickerChildren: string;
  chosenUnit: (name: string) => string;
  firstNote: string;
  create: string;
  cancel: string;
  created: (id: number) => string;
  saveFailed: (message: string) => string;
  status: Record<"open" | "forwarded" | "resolved", string>;
  statusFilter: string;
  allStatuses: string;
  statusLabel: string;
  setStatus: Record<"open" | "forwarded" | "resolved", string>;
  notes: string;
  addNote: string;
  notePlaceholder: string;
  saveDue: string;
  noDue: string;
  due: (day: string) => string;
  createdBy: (who: string, at: string) => string;
  source: string;
  unit: string;
  unresolved: string;
  resolvedCount: string;
  total: string;
  summaryHint: string;
  openAll: string;
  network: string;
}

export const issueListZh: IssueListTexts = {
  title: "意见建议与问题清单",
  navLink: "问题清单",
  commentsTitle: "意见建议",
  itemsTitle: "问题清单",
  summaryTitle: "各单位问题清单",
  search: "搜索",
  searchPlaceholder: "搜索意见建议内容",
  survey: "问卷",
  allSurveys: "全部问卷",
  surveys: { resident: "居民问卷", shopkeeper: "商户问卷", parent: "家长问卷" },
  from: "起始日期",
  to: "结束日期",
  includeFlagged: "包含待复核答卷",
  apply: "查询",
  noComments: "没有符合条件的意见建议",
  noItems: "没有问题清单条目",
  loadMore: "加载更多",
  loadFailed: "加载失败，请稍后重试",
  channel: { qr: "扫码", interview: "入户" },
  flagged: "待复核",
  madeInto: (ids) => `已转为问题清单 ${ids.map((id) => `#${id}`).join("、")}`,
  convert: "转为问题清单",
  convertTitle: "转为问题清单",
  itemTitle: "问题标题",
  description: "问题描述",
  dueDate: "整改期限",
  assignTo: "交办单位",
  unitPickerUp: "返回上级",
  unitPickerChildren: "下级单位",
  chosenUnit: (name) => `交办给：${name}`,
  firstNote: "交办说明（选填）",
  create: "确认交办",
  cancel: "取消",
  created: (id) => `已创建问题清单 #${id}`,
  saveFailed: (message) => `保存失败：${message}`,
  status: { open: "待处理", forwarded: "已转办", resolved: "已整改" },
  statusFilter: "状态",
  allStatuses: "全部状态",
  statusLabel: "状态：",
  setStatus: { open: "改为待处理", forwarded: "标记已转办", resolved: "标记已整改" },
  notes: "办理记录",
  addNote: "添加记录",
  notePlaceholder: "写下办理情况",
  saveDue: "保存期限",
  noDue: "未设期限",
  due: (day) => `整改期限 ${day}`,
  createdBy: (who, at) => `${who} 于 ${at} 创建`,
  source: "来源意见",
  unit: "单位",
  unresolved: "未办结",
  resolvedCount: "已整改",
  total: "合计",
  summaryHint: "未办结 = 待处理 + 已转办",
  openAll: "查看意见建议与问题清单",
  network: "网络连接失败，请检查网络后重试",
};
