import { METRICS, type Metric } from "../../../surveys/metrics";
import type { RateSettings } from "../rates/rate-settings";
import type { LabelMode } from "./export-columns";

/** What an exported file says about itself (issue 14: inside the file and in its name). */
export interface ExportInfo {
  unit: { code: string; name: string; path: string };
  survey: { id: string; title: string; versions: number[] };
  channel?: "qr" | "interview";
  from?: string;
  to?: string;
  includeFlagged: boolean;
  labels: LabelMode;
  settings: RateSettings;
  generatedAt: Date;
  generatedBy: string;
  /** Issue 19: set only for an unmasked export, with the reason its requester gave. */
  unmasked?: { reason: string };
}

const METRIC_NAMES: Record<Metric, string> = { awareness: "知晓率", support: "支持率", participation: "参与率", satisfaction: "满意率" };
const CHANNEL_NAMES = { qr: "扫码填写", interview: "入户访问" } as const;

const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`;

/** "2026-12-02 17:30:05" on Asia/Shanghai's wall clock. */
export function shanghaiStamp(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
}

function dateRange(info: ExportInfo): string {
  if (!info.from && !info.to) return "全部日期";
  return `${info.from ?? "最早"}至${info.to ?? "最新"}`;
}

/** The lines of the info sheet (XLSX) and of the header comment of the SPSS syntax: [label, value]. */
export function infoLines(info: ExportInfo, rows?: number): [string, string][] {
  const thresholds = METRICS.map((m) => `${METRIC_NAMES[m]} ${percent(info.settings.threshold[m])}`).join("，");
  const lines: [string, string][] = [
    ["导出内容", "答卷明细（每行一份答卷）"],
    ["单位", `${info.unit.name}（${info.unit.code}）`],
    ["单位全称", info.unit.path],
    ["问卷", `${info.survey.title}（${info.survey.id}，版本 ${info.survey.versions.join("、")}）`],
    ["渠道", info.channel ? CHANNEL_NAMES[info.channel] : "全部渠道"],
    ["日期范围（完成时间，北京时间）", dateRange(info)],
    ["已标记答卷", info.includeFlagged ? "包含（见“已标记”列）" : "不包含"],
    ["选项", info.labels === "codes" ? "原始代码" : "中文选项"],
    ["达标线", thresholds],
    ["最少样本量", String(info.settings.minRespondents)],
    ["生成时间（北京时间）", shanghaiStamp(info.generatedAt)],
    ["导出人", info.generatedBy],
    ["个人信息", info.unmasked ? `未脱敏（用途：${info.unmasked.reason}；已记入审计日志）` : "已脱敏（电话号码、身份证号已遮蔽）"],
  ];
  if (rows !== undefined) lines.push(["答卷数", String(rows)]);
  return lines;
}

/** Characters no file system takes in a name, and controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to remove.
const UNSAFE_NAME = /[\\/:*?"<>|\u0000-\u001F\u007F]/g;

/**
 * The file name: unit, questionnaire, channel, date range, flag choice, thresholds and generation
 * time, so two exports never share a name and a file says what it holds before it is opened.
 *
 * @example exportFileName(info, "xlsx") // "答卷_大渡口区500104000000_resident_全部渠道_2026-11-01至2026-11-30_达标90_20261202-173005.xlsx"
 */
export function exportFileName(info: ExportInfo, extension: string): string {
  const rates = METRICS.map((m) => Math.round(info.settings.threshold[m] * 1000) / 10);
  const thresholds = rates.every((r) => r === rates[0])
    ? `达标${rates[0]}`
    : `达标${METRICS.map((m, i) => `${METRIC_NAMES[m][0]}${rates[i]}`).join("")}`;
  const stamp = shanghaiStamp(info.generatedAt).replace(/-/g, "").replace(" ", "-").replace(/:/g, "");
  const parts = [
    "答卷",
    `${info.unit.name}${info.unit.code}`,
    info.survey.id,
    info.channel ? CHANNEL_NAMES[info.channel] : "全部渠道",
    dateRange(info),
    ...(info.includeFlagged ? ["含已标记"] : []),
    ...(info.labels === "codes" ? ["原始代码"] : []),
    ...(info.unmasked ? ["未脱敏"] : []),
    thresholds,
    stamp,
  ];
  return `${parts.join("_").replace(UNSAFE_NAME, "")}.${extension}`;
}
