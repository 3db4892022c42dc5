import type { Database } from "../../db/client";
import type { Cell } from "../exports/formula-safe";
import { xlsxStream } from "../exports/xlsx-stream";
import { audited } from "../admin/audit";
import { subjectAuditTarget, subjectCounts } from "./subject-anonymise";
import { findSubject, type SubjectRequest } from "./subject-find";
import { type SubjectReport, subjectReport } from "./subject-report";

const asCell = (value: unknown): Cell =>
  value === null || value === undefined
    ? null
    : typeof value === "number"
      ? value
      : typeof value === "string"
        ? value
        : JSON.stringify(value);

/** One sheet per kind of record, the header in Chinese, values as stored. */
function sheets(report: SubjectReport, meta: [string, Cell][]) {
  return [
    { name: "说明", header: ["项目", "内容"], rows: [meta] },
    {
      name: "答卷",
      header: ["答卷编号", "单位代码", "问卷", "版本", "渠道", "完成时间", "设备编号", "访问员", "已标记", "答案(JSON)"],
      rows: [
        report.responses.map((r) => [
          r.id,
          r.unitCode,
          r.surveyId,
          r.surveyVersion,
          r.channel,
          r.completedAt,
          r.deviceId,
          r.interviewer,
          r.flagged ? "是" : "否",
          asCell(r.answers),
        ]),
      ],
    },
    {
      name: "入户记录",
      header: ["记录编号", "单位代码", "问卷", "户号", "结果", "答卷编号", "访问员", "设备编号", "入户时间", "纬度", "经度", "精度(米)"],
      rows: [
        report.visits.map((v) => [
          v.id,
          v.unitCode,
          v.surveyId,
          v.household,
          v.outcome,
          v.responseId,
          v.interviewer,
          v.deviceId,
          v.visitedAt,
          v.latitude,
          v.longitude,
          v.accuracyM,
        ]),
      ],
    },
    {
      name: "设备",
      header: ["设备编号", "用户", "待上传", "需处理", "版本", "最近同步", "最近心跳"],
      rows: [
        report.devices.map((d) => [d.deviceId, d.username, d.pending, d.needsAttention, d.appVersion, d.lastSyncAt, d.lastHeartbeatAt]),
      ],
    },
    { name: "意见建议", header: ["答卷编号", "题目", "内容"], rows: [report.comments.map((c) => [c.responseId, c.question, c.text])] },
    { name: "登录来源", header: ["用户", "最近成功登录"], rows: [report.loginSources.map((s) => [s.username, s.lastSuccessAt])] },
  ];
}

const requestEcho = (r: SubjectRequest) => ({ deviceId: r.deviceId ?? null, household: r.household ?? null, unit: r.unit ?? null });

/**
 * The export of a data subject request (查阅、复制): every record found, in full, as JSON or XLSX.
 * The read and its audit entry (who, what was found, why) are one transaction, so no file leaves
 * without its entry, and the entry names the subject by pseudonym only.
 */
export async function exportSubject(
  db: Database,
  secret: string,
  request: SubjectRequest,
  by: { actor: string; reason: string; format: "json" | "xlsx" },
  now: Date,
) {
  const found = await audited(db, now, async (tx) => {
    const records = await findSubject(tx, secret, request);
    return {
      result: records,
      entry: {
        actor: by.actor,
        action: "subjects.export",
        target: await subjectAuditTarget(secret, records.kind, request, records.area),
        after: { reason: by.reason, format: by.format, kind: records.kind, unit: request.unit ?? null, counts: subjectCounts(records) },
        scopeUnit: records.area,
      },
    };
  });
  const report = subjectReport(found, { full: true });
  const stamp = now.toISOString();
  const fileName = `个人信息查询-${found.kind === "device" ? "设备" : "住户"}-${stamp.slice(0, 10)}.${by.format}`;
  if (by.format === "json") {
    const body = JSON.stringify(
      { generatedAt: stamp, generatedBy: by.actor, reason: by.reason, request: requestEcho(request), ...report },
      null,
      2,
    );
    return { fileName, contentType: "application/json; charset=utf-8", body: body as string | ReadableStream<Uint8Array> };
  }
  const meta: [string, Cell][] = [
    ["查询", found.kind === "device" ? `设备编号 ${request.deviceId!.trim()}` : `户号 ${request.household!.trim()}`],
    ["范围", found.area],
    ["导出人", by.actor],
    ["导出时间", stamp],
    ["理由", by.reason],
    [
      "未改动的相关记录",
      `审计日志 ${report.retained.auditEntries} 条，推送记录 ${report.retained.webhookDeliveries} 条，问题清单 ${report.retained.issueItems} 条`,
    ],
  ];
  return {
    fileName,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: xlsxStream(sheets(report, meta)) as string | ReadableStream<Uint8Array>,
  };
}
