/** Texts of the admin page's 保留期限 section (issue 19): retention settings and the job's log. */
export interface RetentionTexts {
  intro: string;
  countFrom: string;
  countFromOptions: Record<"year_end" | "record", string>;
  gps: string;
  household: string;
  keep: string;
  keepForever: string;
  days: string;
  action: string;
  actions: Record<"coarse" | "remove", string>;
  householdNote: string;
  runsTitle: string;
  noRuns: string;
  kinds: Record<"gps" | "household", string>;
  columns: { started: string; finished: string; kind: string; rows: string; error: string };
  running: string;
  ok: string;
}

export const retentionZh: RetentionTexts = {
  intro:
    "到期的入户定位和户号会被自动替换：定位改为约 1 公里精度或清除，户号改为匿名编号（同一户仍算一户）。答卷与各项统计数字不受影响，不会删除任何答卷。",
  countFrom: "保留期从何时算起",
  countFromOptions: { year_end: "记录所在测评年度结束（12月31日）后", record: "记录当天起" },
  gps: "入户定位（GPS）",
  household: "户号 / 地址",
  keep: "到期处理",
  keepForever: "一直保留",
  days: "保留天数",
  action: "到期后",
  actions: { coarse: "保留到约 1 公里", remove: "清除" },
  householdNote: "同一户在本社区最后一次入户到期后，该户所有记录一起改为匿名编号。",
  runsTitle: "执行记录",
  noRuns: "尚无执行记录。",
  kinds: { gps: "入户定位", household: "户号" },
  columns: { started: "开始", finished: "结束", kind: "类别", rows: "替换条数", error: "结果" },
  running: "进行中",
  ok: "完成",
};
