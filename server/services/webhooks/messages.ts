import type { WebhookEventKind, WebhookFormat } from "../../contracts/webhooks";

/** One thing to report, before it is put into a receiver's format. */
export interface WebhookEventPayload {
  kind: WebhookEventKind;
  /** Idempotency key, unique per subscription (the outbox's unique index). */
  key: string;
  occurredAt: string;
  /** The unit the event is about. */
  unit: { code: string; name: string };
  /** Kind-specific facts (docs/api.md "Webhooks"). */
  data: Record<string, unknown>;
  /** One line in Chinese for people reading a group chat. */
  title: string;
  /** Markdown lines under the title. */
  lines: string[];
}

const STATUS_ZH: Record<string, string> = { pass: "达标", fail: "未达标" };
const METRIC_ZH: Record<string, string> = { awareness: "知晓率", support: "支持率", participation: "参与率", satisfaction: "满意率" };
const percent = (rate: unknown) => (typeof rate === "number" ? `${(rate * 100).toFixed(1)}%` : "—");

export function metricStatusEvent(input: {
  unit: { code: string; name: string };
  metric: string;
  previous: string;
  status: string;
  rate: number | null;
  respondents: number;
  threshold: number;
  day: string;
  now: Date;
}): WebhookEventPayload {
  const label = METRIC_ZH[input.metric] ?? input.metric;
  return {
    kind: "metric_status",
    key: `status:${input.unit.code}:${input.metric}:${input.status}:${input.day}`,
    occurredAt: input.now.toISOString(),
    unit: input.unit,
    data: {
      metric: input.metric,
      previous: input.previous,
      status: input.status,
      rate: input.rate,
      respondents: input.respondents,
      threshold: input.threshold,
    },
    title: `${input.unit.name}${label}${STATUS_ZH[input.status] ?? input.status}`,
    lines: [
      `${label}由${STATUS_ZH[input.previous] ?? input.previous}变为**${STATUS_ZH[input.status] ?? input.status}**`,
      `当前 ${percent(input.rate)}（达标线 ${percent(input.threshold)}，受访 ${input.respondents} 人）`,
    ],
  };
}

export function qrBurstEvent(input: {
  unit: { code: string; name: string };
  posterId: string;
  surveyId: string;
  flagged: number;
  windowMinutes: number;
  bucket: number;
  now: Date;
}): WebhookEventPayload {
  return {
    kind: "qr_burst",
    key: `qr_burst:${input.posterId}:${input.bucket}`,
    occurredAt: input.now.toISOString(),
    unit: input.unit,
    data: { posterId: input.posterId, surveyId: input.surveyId, flagged: input.flagged, windowMinutes: input.windowMinutes },
    title: `${input.unit.name}海报异常答卷集中出现`,
    lines: [
      `海报 ${input.posterId} 在最近 ${input.windowMinutes} 分钟内有 **${input.flagged}** 份被标记的扫码答卷`,
      "请到管理页“异常答卷”复核",
    ],
  };
}

export function deviceStaleEvent(input: {
  unit: { code: string; name: string };
  deviceId: string;
  username: string;
  pending: number;
  lastHeartbeatAt: string;
  hours: number;
  now: Date;
}): WebhookEventPayload {
  return {
    kind: "device_stale",
    key: `device_stale:${input.deviceId}:${input.username}:${input.lastHeartbeatAt}`,
    occurredAt: input.now.toISOString(),
    unit: input.unit,
    data: {
      deviceId: input.deviceId,
      username: input.username,
      pending: input.pending,
      lastHeartbeatAt: input.lastHeartbeatAt,
      hours: input.hours,
    },
    title: `平板 ${input.deviceId} 有未上传数据且已失联`,
    lines: [
      `调查员 ${input.username} 的平板有 **${input.pending}** 条待上传`,
      `最后心跳 ${input.lastHeartbeatAt}，已超过 ${input.hours} 小时`,
    ],
  };
}

export function testEvent(unit: { code: string; name: string }, now: Date): WebhookEventPayload {
  return {
    kind: "test",
    key: `test:${crypto.randomUUID()}`,
    occurredAt: now.toISOString(),
    unit,
    data: {},
    title: "创文问卷消息推送测试",
    lines: [`这是一条测试消息（${unit.name}），收到即表示推送配置正确`],
  };
}

/**
 * The body a receiver gets, in its format: our JSON (every fact, for programs), or the markdown
 * message of a 企业微信 group robot or a 钉钉 robot (for people in a group chat).
 */
export function formatBody(
  format: WebhookFormat,
  event: WebhookEventPayload,
  delivery: { id: string; subscription: { id: string; name: string } },
): string {
  const text = [`### ${event.title}`, ...event.lines.map((l) => `> ${l}`)].join("\n");
  if (format === "wecom") return JSON.stringify({ msgtype: "markdown", markdown: { content: text } });
  if (format === "dingtalk") return JSON.stringify({ msgtype: "markdown", markdown: { title: event.title, text } });
  return JSON.stringify({
    id: delivery.id,
    kind: event.kind,
    occurredAt: event.occurredAt,
    subscription: delivery.subscription,
    unit: event.unit,
    data: event.data,
    title: event.title,
  });
}
