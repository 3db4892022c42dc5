/** The admin section 消息推送 (issue 14 part 5): outbound webhooks. */
export interface WebhooksTexts {
  intro: string;
  create: string;
  name: string;
  url: string;
  unit: string;
  format: string;
  formats: Record<"generic" | "wecom" | "dingtalk", string>;
  events: string;
  eventNames: Record<"metric_status" | "qr_burst" | "device_stale" | "test", string>;
  secret: string;
  secretHint: string;
  created: (name: string) => string;
  secretOnce: string;
  none: string;
  status: string;
  active: string;
  paused: string;
  pause: string;
  resume: string;
  remove: string;
  confirmRemove: (name: string) => string;
  confirm: string;
  cancel: string;
  test: string;
  testing: string;
  testOk: (status: number, ms: number) => string;
  testFailed: (error: string) => string;
  log: string;
  hideLog: string;
  logEmpty: string;
  more: string;
  when: string;
  event: string;
  state: string;
  states: Record<"pending" | "delivered" | "failed", string>;
  attempts: string;
  answer: string;
  nextAttempt: (at: string) => string;
}

export const webhooksZh: WebhooksTexts = {
  intro:
    "达标状态变化、扫码异常集中出现、平板长时间失联且有未上传数据时，自动推送到企业微信群、钉钉群或自有系统。每条消息带签名（X-Signature），失败会自动重试。",
  create: "新建推送",
  name: "名称",
  url: "接收地址（http/https）",
  unit: "单位代码",
  format: "格式",
  formats: { generic: "通用 JSON", wecom: "企业微信群机器人", dingtalk: "钉钉机器人" },
  events: "推送事件",
  eventNames: { metric_status: "达标状态变化", qr_burst: "扫码异常集中", device_stale: "平板失联且有待上传", test: "测试消息" },
  secret: "钉钉加签密钥（可选，SEC 开头）",
  secretHint: "不填则自动生成；密钥只显示这一次",
  created: (name) => `已新建“${name}”`,
  secretOnce: "签名密钥（只显示这一次，请立即保存）：",
  none: "还没有消息推送",
  status: "状态",
  active: "推送中",
  paused: "已暂停",
  pause: "暂停",
  resume: "恢复",
  remove: "删除",
  confirmRemove: (name) => `删除“${name}”及其推送记录？`,
  confirm: "确定",
  cancel: "取消",
  test: "测试推送",
  testing: "发送中…",
  testOk: (status, ms) => `测试成功：对方返回 ${status}（${ms} 毫秒）`,
  testFailed: (error) => `测试失败：${error}`,
  log: "推送记录",
  hideLog: "收起记录",
  logEmpty: "还没有推送记录",
  more: "更早的记录",
  when: "时间",
  event: "事件",
  state: "结果",
  states: { pending: "待重试", delivered: "已送达", failed: "失败" },
  attempts: "尝试次数",
  answer: "对方应答",
  nextAttempt: (at) => `下次重试 ${at}`,
};
