/** The answer export panel on the dashboard (issue 14). */
export interface ExportsTexts {
  title: string;
  survey: string;
  surveys: Record<string, string>;
  format: string;
  xlsx: string;
  csv: string;
  codes: string;
  codesHint: string;
  start: string;
  preparing: string;
  progress: (rows: number, kb: number, percent: number | null) => string;
  done: (name: string) => string;
  forbidden: string;
  failed: (message: string) => string;
  network: string;
  scopeNote: string;
  /** Issue 19: the masked default and the audited unmasked export. */
  maskedNote: string;
  unmasked: string;
  unmaskedHint: string;
  reason: string;
  reasonPlaceholder: string;
  unmaskedForbidden: string;
}

export const exportsZh: ExportsTexts = {
  title: "导出答卷",
  survey: "问卷",
  surveys: { resident: "居民问卷", shopkeeper: "商户问卷", parent: "家长问卷" },
  format: "格式",
  xlsx: "Excel（XLSX，含变量说明）",
  csv: "CSV + SPSS 语法",
  codes: "原始代码",
  codesHint: "选项写原始代码而不是中文，便于统计软件读取",
  start: "导出答卷",
  preparing: "正在准备导出…",
  progress: (rows, kb, percent) =>
    `共 ${rows} 份答卷，已接收 ${kb >= 1024 ? `${(kb / 1024).toFixed(1)} MB` : `${kb} KB`}${percent === null ? "" : `（${percent}%）`}`,
  done: (name) => `已保存：${name}`,
  forbidden: "无权导出该单位的答卷",
  failed: (message) => `导出失败：${message}`,
  network: "导出失败：网络连接中断，请重试",
  scopeNote: "按当前单位、渠道、日期和“含已标记”筛选导出，每行一份答卷。",
  maskedNote: "文本中的电话号码、身份证号默认脱敏（如 138****8000）。",
  unmasked: "导出未脱敏数据",
  unmaskedHint: "需要管理员授予的个人信息查看权限；导出人、筛选条件和用途将记入审计日志",
  reason: "用途",
  reasonPlaceholder: "如：核实投诉人联系方式（必填）",
  unmaskedForbidden: "您没有个人信息查看权限，只能导出脱敏数据。如确需未脱敏数据，请联系管理员授权。",
};
