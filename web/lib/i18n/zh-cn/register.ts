/** Texts of the household and shop register (issue 16): tablet door picker, 待回访, coverage and AAPOR rates. */
export interface RegisterTexts {
  doorTitle: string;
  search: string;
  searchPlaceholder: string;
  mineOnly: string;
  noRegister: string;
  loadFailed: string;
  pick: string;
  picked: (label: string) => string;
  clearPick: string;
  attempts: (n: number) => string;
  kinds: Record<"household" | "shop", string>;
  dispositions: Record<"complete" | "refusal" | "non_contact" | "revisit" | "vacant" | "not_eligible" | "not_attempted", string>;
  newDoor: string;
  newDoorHint: string;
  newDoorKind: string;
  newDoorAdd: string;
  newDoorAdded: (label: string) => string;
  fieldAdded: string;
  moreDoors: (n: number) => string;
  revisitTitle: string;
  revisitEmpty: string;
  revisitLine: (label: string, attempts: number, limit: number, lastTry: string, suggestion: string) => string;
  revisitPick: string;
  timesOfDay: Record<"morning" | "afternoon" | "evening" | "night", string>;
  suggest: Record<"morning" | "afternoon" | "evening" | "night", string>;
  coverage: {
    title: string;
    unit: string;
    households: string;
    shops: string;
    entries: string;
    visited: string;
    coverage: string;
    fieldAdded: string;
    rr1: string;
    coop1: string;
    ref1: string;
    attemptLimit: string;
    total: string;
    empty: Record<"household" | "shop", string>;
    loadFailed: string;
    note: string;
  };
  import: {
    title: string;
    columns: string;
    chooseFile: string;
    preview: string;
    run: string;
    blocked: string;
    summary: (rows: number, added: number, changed: number, unchanged: number) => string;
    done: (added: number, changed: number, unchanged: number) => string;
    errorsTitle: (n: number) => string;
    line: string;
    reason: string;
  };
}

export const registerZh: RegisterTexts = {
  doorTitle: "门户名册",
  search: "查找门户",
  searchPlaceholder: "楼栋、房号、地址或店名",
  mineOnly: "只看分配给我的",
  noRegister: "本社区还没有名册：可直接填写户号，或登记新发现的门户。",
  loadFailed: "名册暂时无法读取（离线且本机没有副本）。",
  pick: "选择",
  picked: (label) => `已选门户：${label}`,
  clearPick: "改为手填",
  attempts: (n) => (n === 0 ? "未访" : `已访 ${n} 次`),
  kinds: { household: "住户", shop: "商铺" },
  dispositions: {
    complete: "完成",
    refusal: "拒访",
    non_contact: "多次不在家",
    revisit: "待回访",
    vacant: "无人居住",
    not_eligible: "非目标户",
    not_attempted: "未访",
  },
  newDoor: "新发现的门户",
  newDoorHint: "名册里没有这一户？按上面填写的户号登记为新门户（会标注为现场新增）。",
  newDoorKind: "类型",
  newDoorAdd: "登记为新门户",
  newDoorAdded: (label) => `已登记新门户：${label}（同步后加入名册）`,
  fieldAdded: "现场新增",
  moreDoors: (n) => `还有 ${n} 户，请输入关键字查找`,
  revisitTitle: "待回访",
  revisitEmpty: "没有待回访的门户。",
  revisitLine: (label, attempts, limit, lastTry, suggestion) =>
    `${label} · 不在家 ${attempts}/${limit} 次 · 上次 ${lastTry} · 建议${suggestion}再访`,
  revisitPick: "去回访",
  timesOfDay: { morning: "上午", afternoon: "下午", evening: "傍晚", night: "晚上" },
  suggest: { morning: "傍晚（18:00–20:00）", afternoon: "傍晚（18:00–20:00）", evening: "周末上午", night: "周末上午" },
  coverage: {
    title: "名册覆盖率与应答率（AAPOR）",
    unit: "社区",
    households: "住户（入户宣传）",
    shops: "沿街商铺（沿街商铺宣传）",
    entries: "名册户数",
    visited: "已访",
    coverage: "覆盖率",
    fieldAdded: "现场新增",
    rr1: "应答率 RR1",
    coop1: "合作率 COOP1",
    ref1: "拒访率 REF1",
    attemptLimit: "不在家上限",
    total: "合计",
    empty: { household: "辖区内还没有住户名册。", shop: "辖区内还没有沿街商铺名册。" },
    loadFailed: "名册覆盖率暂时无法读取。",
    note: "覆盖率 = 有任一次访问的门户 / 名册门户，同一门户被多台平板访问只计一次。RR1、COOP1、REF1 按 AAPOR 标准定义计算：未访门户计入分母（资格未知），无人居住和非目标户不计入。",
  },
  import: {
    title: "导入住户和商铺名册（CSV / XLSX）",
    columns:
      "列名：unit_code（社区代码）、kind（住户 / 商铺）、building（楼栋）、unit（单元）、room（房号）、address（地址）、shop_name（店名）、assigned_to（调查员，可选）。同一门户重复导入不会重复计数；有任何错误行则整份文件不写入。",
    chooseFile: "选择文件",
    preview: "预览",
    run: "导入",
    blocked: "有错误，不能导入",
    summary: (rows, added, changed, unchanged) => `共 ${rows} 行：新增 ${added} 户，变更 ${changed} 户，不变 ${unchanged} 户`,
    done: (added, changed, unchanged) => `已导入：新增 ${added} 户，变更 ${changed} 户，不变 ${unchanged} 户`,
    errorsTitle: (n) => `${n} 行有错误，请修改后重新预览`,
    line: "行",
    reason: "原因",
  },
};
