/** Texts of the administration pages (/admin, poster print pages, own password). */
export interface AdminTexts {
  title: string;
  adminOnly: string;
  notYourSection: string;
  tabs: Record<
    | "units"
    | "users"
    | "posters"
    | "surveys"
    | "editor"
    | "flagged"
    | "thresholds"
    | "privacy"
    | "webhooks"
    | "subjects"
    | "retention"
    | "audit"
    | "logins",
    string
  >;
  loading: string;
  loadFailed: (message: string) => string;
  save: string;
  saved: string;
  cancel: string;
  import: {
    intro: string;
    columns: string;
    chooseFile: string;
    preview: string;
    run: string;
    running: string;
    summary: (rows: number, added: number, changed: number, unchanged: number) => string;
    errorsTitle: (n: number) => string;
    line: string;
    code: string;
    reason: string;
    message: string;
    reasons: Record<string, string>;
    addsTitle: (n: number) => string;
    changesTitle: (n: number) => string;
    shownFirst: (n: number) => string;
    blocked: string;
    done: (added: number, changed: number, unchanged: number) => string;
    fields: Record<string, string>;
    name: string;
    kind: string;
    parent: string;
  };
  users: {
    create: string;
    username: string;
    password: string;
    role: string;
    scope: string;
    scopeOf: (username: string) => string;
    newPasswordOf: (username: string) => string;
    status: string;
    disabled: string;
    active: string;
    disable: string;
    enable: string;
    confirmDisable: (username: string) => string;
    confirm: string;
    cancel: string;
    resetPassword: string;
    newPassword: string;
    apply: string;
    created: (name: string) => string;
    resetDone: (name: string) => string;
    /** Issue 19: the permission to see personal data unmasked. */
    personalData: string;
    personalDataOf: (username: string) => string;
    personalDataHint: string;
  };
  posters: {
    audiences: Record<string, string>;
    survey: string;
    unit: string;
    unitHint: string;
    createOne: string;
    createBatch: string;
    batchHint: string;
    created: (n: number) => string;
    list: string;
    filter: string;
    filterClear: string;
    id: string;
    community: string;
    createdAt: string;
    open: string;
    svg: string;
    png: string;
    printAll: (n: number) => string;
    empty: string;
    status: string;
    statuses: Record<"active" | "revoked" | "not_started" | "ended", string>;
    window: string;
    startsAt: string;
    endsAt: string;
    windowHint: string;
    windowText: (start: string | null, end: string | null) => string;
    editWindow: string;
    saveWindow: string;
    windowSaved: (id: string) => string;
    revoke: string;
    revokeConfirm: (id: string, unit: string) => string;
    revokeReasonRequired: string;
    revokedNote: (id: string) => string;
    revokedBy: (by: string, at: string) => string;
  };
  poster: {
    heading: string;
    instruction: (audience: string | null) => string;
    privacy: string;
    idLabel: (id: string) => string;
    print: string;
    back: string;
  };
  surveys: {
    survey: string;
    version: string;
    publishedAt: string;
    responses: string;
    flagged: string;
    compare: string;
    from: string;
    to: string;
    noChanges: string;
    added: string;
    removed: string;
    changed: string;
    surveyLevel: string;
    choiceAdded: (text: string) => string;
    choiceRemoved: (text: string) => string;
    choiceText: (before: string, after: string) => string;
    property: (name: string) => string;
  };
  flagged: {
    source: (survey: string, version: number, channel: string) => string;
    channels: Record<"qr" | "interview", string>;
    status: string;
    statuses: Record<"pending" | "included" | "excluded" | "all", string>;
    reasons: Record<string, string>;
    unit: string;
    received: string;
    duration: (seconds: number) => string;
    device: string;
    flags: string;
    decision: string;
    include: string;
    exclude: string;
    reasonPlaceholder: string;
    reasonRequired: string;
    decided: (decision: string, by: string, reason: string) => string;
    answers: string;
    empty: string;
    counted: string;
    notCounted: string;
    selectAll: string;
    select: (id: string) => string;
    selected: (n: number) => string;
    bulkInclude: string;
    bulkExclude: string;
    bulkReasonPlaceholder: string;
    noneSelected: string;
    tooMany: (max: number) => string;
    bulkDone: (n: number, decision: "include" | "exclude") => string;
    searchTitle: string;
    searchHint: string;
    searchId: string;
    searchDay: string;
    searchUnit: string;
    searchDevice: string;
    search: string;
    searchNeedsKey: string;
    searchEmpty: string;
  };
  /** The privacy notice texts (issue 19): labels of the form; the texts themselves are settings. */
  privacy: {
    intro: string;
    fields: Record<"respondentSummary" | "respondentFull" | "interviewGpsConsent" | "interviewOpeningGps", string>;
    hints: Record<"respondentSummary" | "respondentFull" | "interviewGpsConsent" | "interviewOpeningGps", string>;
    count: (n: number, max: number) => string;
    lastChanged: (at: string) => string;
    defaults: string;
    submit: string;
  };
  thresholds: {
    intro: string;
    metrics: Record<"awareness" | "support" | "participation" | "satisfaction", string>;
    minRespondents: string;
    unit: string;
    unitHint: string;
    show: string;
    forUnit: (name: string, code: string) => string;
    item: string;
    effective: string;
    source: string;
    own: string;
    ownHint: string;
    fromUnit: (name: string) => string;
    fromHere: string;
    fromDefault: string;
  };
  audit: {
    at: string;
    actor: string;
    action: string;
    target: string;
    before: string;
    after: string;
    more: string;
    actions: Record<string, string>;
    changes: string;
    raw: string;
    importSummary: (added: number, changed: number) => string;
    /** Names of the fields an entry's before/after hold, by their last path segment. */
    fields: Record<string, string>;
    /** Prefixes of nested paths (rate settings keep `own` and `effective` values). */
    groups: Record<string, string>;
    yes: string;
    no: string;
    empty: string;
  };
  password: {
    title: string;
    link: string;
    current: string;
    next: string;
    repeat: string;
    mismatch: string;
    submit: string;
    done: string;
  };
}

export const adminZh: AdminTexts = {
  title: "管理",
  adminOnly: "仅管理员可以访问此页面。",
  notYourSection: "此栏目仅管理员可用；您可以在“二维码海报”中为本单位生成和撤销海报。",
  tabs: {
    units: "单位导入",
    users: "用户",
    posters: "二维码海报",
    surveys: "问卷版本",
    editor: "问卷编辑",
    flagged: "标记审核",
    thresholds: "达标线",
    privacy: "个人信息告知",
    webhooks: "消息推送",
    subjects: "个人信息查询与处理",
    retention: "保留期限",
    audit: "操作日志",
    logins: "登录记录",
  },
  loading: "加载中…",
  loadFailed: (m) => `加载失败：${m}`,
  save: "保存",
  saved: "已保存",
  cancel: "取消",
  import: {
    intro:
      "从 CSV 或 Excel（XLSX）文件导入 区 → 街道 → 社区 及学校。先预览，确认无误后再导入；导入要么全部成功，要么什么都不写。文件中没有的单位保持不变。",
    columns:
      "列：code（统计用区划代码）, name, kind（city / district / subdistrict / community / school_zone / school，或 市 / 区 / 县 / 街道 / 镇 / 乡 / 社区 / 村 / 学区 / 学校）, parent_code, households, population, shops（商户数，可选）, students（学生数，可选）, target_n",
    chooseFile: "选择文件",
    preview: "预览",
    run: "确认导入",
    running: "正在处理…",
    summary: (rows, added, changed, unchanged) => `共 ${rows} 行：新增 ${added}，修改 ${changed}，不变 ${unchanged}`,
    errorsTitle: (n) => `${n} 行有错误，修正后才能导入`,
    line: "行号",
    code: "代码",
    reason: "原因",
    message: "说明",
    reasons: {
      invalid_field: "字段无效",
      duplicate_code: "代码重复",
      unknown_parent: "上级不存在",
      code_level: "代码与层级不符",
      cycle: "上级关系循环",
      second_root: "多个顶级单位",
      out_of_scope: "超出管辖范围",
    },
    addsTitle: (n) => `将新增 ${n} 个单位`,
    changesTitle: (n) => `将修改 ${n} 个单位`,
    shownFirst: (n) => `（仅显示前 ${n} 条）`,
    blocked: "有错误，不能导入",
    done: (added, changed, unchanged) => `导入完成：新增 ${added}，修改 ${changed}，不变 ${unchanged}`,
    fields: {
      name: "名称",
      kind: "类型",
      parentCode: "上级",
      households: "户数",
      population: "人口",
      shops: "商户数",
      students: "学生数",
      targetN: "计划样本量",
    },
    name: "名称",
    kind: "类型",
    parent: "上级代码",
  },
  users: {
    create: "新建用户",
    username: "用户名",
    password: "初始密码",
    role: "角色",
    scope: "负责范围",
    scopeOf: (username) => `${username} 的负责范围`,
    newPasswordOf: (username) => `${username} 的新密码`,
    status: "状态",
    disabled: "已停用",
    active: "正常",
    disable: "停用",
    enable: "启用",
    confirmDisable: (username) => `停用后 ${username} 将立即退出登录且无法再登录，确定停用吗？`,
    confirm: "确定停用",
    cancel: "取消",
    resetPassword: "重置密码",
    newPassword: "新密码",
    apply: "应用",
    created: (n) => `已创建用户 ${n}`,
    resetDone: (n) => `已重置 ${n} 的密码，其所有登录已失效`,
    personalData: "个人信息权限",
    personalDataOf: (n) => `允许 ${n} 查看未脱敏的个人信息`,
    personalDataHint:
      "默认关闭。开启后可查看未脱敏的电话、身份证号和户号，并可在写明用途后导出未脱敏数据；授权和导出均记入审计日志。调查员不能获得此权限。",
  },
  posters: {
    audiences: { resident: "居民", shopkeeper: "商户", parent: "家长" },
    survey: "问卷",
    unit: "单位",
    unitHint: "社区或学校（单个海报），或街道（批量）",
    createOne: "为该社区/学校生成海报",
    createBatch: "为该街道下所有社区生成海报",
    batchHint: "批量生成会为街道下每个社区各生成一张海报。",
    created: (n) => `已生成 ${n} 张海报`,
    list: "海报列表",
    filter: "按单位筛选",
    filterClear: "显示全部",
    id: "海报编号",
    community: "单位",
    createdAt: "生成时间",
    open: "海报页",
    svg: "SVG",
    png: "PNG",
    printAll: (n) => `打印这 ${n} 张（每页一张）`,
    empty: "暂无海报",
    status: "状态",
    statuses: { active: "有效", revoked: "已撤销", not_started: "未开始", ended: "已结束" },
    window: "收集时间",
    startsAt: "开始时间（可选）",
    endsAt: "结束时间（可选）",
    windowHint: "不填则不限。超出收集时间或撤销后，扫码页面会提示，提交的答卷不被接收。",
    windowText: (start, end) => (start || end ? `${start ?? "不限"} 至 ${end ?? "不限"}` : "不限"),
    editWindow: "修改时间",
    saveWindow: "保存时间",
    windowSaved: (id) => `已修改海报 ${id} 的收集时间`,
    revoke: "撤销",
    revokeConfirm: (id, unit) =>
      `确定撤销海报 ${id}（${unit}）吗？\n撤销后扫码页面将显示“该二维码已停用”，不再收集问卷，且不能恢复。\n请填写撤销理由（记录在操作日志中）：`,
    revokeReasonRequired: "未撤销：请填写撤销理由",
    revokedNote: (id) => `已撤销海报 ${id}`,
    revokedBy: (by, at) => `${by} 于 ${at} 撤销`,
  },
  poster: {
    heading: "创建全国文明城市 · 群众满意度调查",
    // Parents answer for their child's school, not for where they live.
    instruction: (audience) =>
      `请用微信或手机相机扫描二维码，花 3–5 分钟填写问卷。您的意见将帮助我们把${audience === "parent" ? "学校及周边环境" : "社区"}建设得更好。`,
    privacy: "匿名填写，不收集姓名和电话。",
    idLabel: (id) => `海报编号：${id}`,
    print: "打印",
    back: "返回海报列表",
  },
  surveys: {
    survey: "问卷",
    version: "版本",
    publishedAt: "发布时间",
    responses: "答卷数",
    flagged: "其中被标记",
    compare: "比较版本",
    from: "从",
    to: "到",
    noChanges: "两个版本的题目没有差别",
    added: "新增题目",
    removed: "删除题目",
    changed: "修改的题目",
    surveyLevel: "问卷整体",
    choiceAdded: (t) => `新增选项「${t}」`,
    choiceRemoved: (t) => `删除选项「${t}」`,
    choiceText: (b, a) => `选项「${b}」改为「${a}」`,
    property: (name) =>
      ({
        title: "题目文字",
        type: "题型",
        isRequired: "必答",
        visibleIf: "显示条件",
        metric: "指标",
        positive: "计为肯定的选项",
        excluded: "不计入分母的选项",
        scores: "分值",
        rateMin: "最小分",
        rateMax: "最大分",
        validators: "校验规则",
        pages: "页数",
        audience: "对象",
      })[name] ?? name,
  },
  flagged: {
    source: (survey, version, channel) => `${survey} 第${version}版 · ${channel}`,
    channels: { qr: "扫码填写", interview: "入户访问" },
    status: "状态",
    statuses: { pending: "待审核", included: "已计入", excluded: "已排除", all: "全部" },
    reasons: {
      same_device: "同一设备重复填写",
      burst: "同一网络地址短时大量提交",
      too_fast: "完成过快",
      straight_line: "所有满意度题答案相同",
      manual: "管理员手动排除",
      clock: "设备时间不可信（早于问卷发布或与提交时间相差过大）",
    },
    unit: "单位",
    received: "收到时间",
    duration: (s) => (s < 120 ? `用时 ${s} 秒` : `用时 ${Math.round(s / 60)} 分钟`),
    device: "设备",
    flags: "标记原因",
    decision: "审核",
    include: "计入统计",
    exclude: "排除",
    reasonPlaceholder: "审核理由（必填，会记录在操作日志中）",
    reasonRequired: "请填写审核理由",
    decided: (d, by, r) => `${d === "include" ? "已计入" : "已排除"}（${by}）：${r}`,
    answers: "答案",
    empty: "没有符合条件的被标记答卷",
    counted: "计入统计",
    notCounted: "未计入统计",
    selectAll: "全选",
    select: (id) => `选择答卷 ${id}`,
    selected: (n) => `已选 ${n} 份`,
    bulkInclude: "批量纳入",
    bulkExclude: "批量排除",
    bulkReasonPlaceholder: "批量审核理由（必填，对所选答卷统一记录在操作日志中）",
    noneSelected: "请先勾选答卷",
    tooMany: (max) => `一次最多审核 ${max} 份答卷`,
    bulkDone: (n, d) => `已${d === "include" ? "纳入" : "排除"} ${n} 份答卷`,
    searchTitle: "查找任意答卷（包括未被标记的）",
    searchHint: "按答卷编号（至少 8 位）、日期或设备编号查找，可再按单位缩小范围；找到后可以单独或批量排除。",
    searchId: "答卷编号",
    searchDay: "日期",
    searchUnit: "单位（可选）",
    searchDevice: "设备编号",
    search: "查找",
    searchNeedsKey: "请填写答卷编号（至少 8 位）、日期或设备编号",
    searchEmpty: "没有找到答卷",
  },
  privacy: {
    intro:
      "个人信息处理告知（个人信息保护法第十七条）：居民扫码后在第一题上方看到摘要，点“展开全文”看全文；入户调查的平板在记录访问位置（GPS）前先征得同意，并在开场白中告知受访者。这些文字适用于全市所有海报和平板，修改立即生效，并记入操作日志。",
    fields: {
      respondentSummary: "扫码问卷：告知摘要",
      respondentFull: "扫码问卷：告知全文",
      interviewGpsConsent: "入户调查：记录位置前的征求同意",
      interviewOpeningGps: "入户调查：开场白中关于位置的一句",
    },
    hints: {
      respondentSummary: "写清收集什么、为什么、保存多久、找谁咨询；要短，手机上第一题要在同一屏。",
      respondentFull: "每段一行。",
      interviewGpsConsent: "调查员登录后看到，同意才记录位置；不同意时访问照常保存，不含位置。",
      interviewOpeningGps: "调查员同意记录位置时，接在开场白后读给受访者听。",
    },
    count: (n, max) => `${n}/${max} 字`,
    lastChanged: (at) => `最近修改：${at}`,
    defaults: "当前为系统默认文字。",
    submit: "保存告知文字",
  },
  thresholds: {
    intro:
      "每项指标的达标线（默认 90%）和给出达标判定所需的最少样本量（默认 20）按单位设置，适用于该单位及其所有下级；下级没有设置的，沿用最近一级上级的设置（如区里分阶段的目标 50% → 90% → 100%）。只能修改本人管辖范围内的单位。修改立即影响看板，并记入操作日志。",
    metrics: { awareness: "知晓率", support: "支持率", participation: "参与率", satisfaction: "满意率" },
    minRespondents: "最少样本量",
    unit: "单位",
    unitHint: "留空为本人管辖单位",
    show: "查看",
    forUnit: (name, code) => `${name}（${code}）的达标线`,
    item: "指标",
    effective: "当前生效",
    source: "来源",
    own: "本单位设置",
    ownHint: "留空 = 沿用上级",
    fromUnit: (name) => `沿用 ${name}`,
    fromHere: "本单位设置",
    fromDefault: "系统默认",
  },
  audit: {
    at: "时间",
    actor: "操作人",
    action: "操作",
    target: "对象",
    before: "变更前",
    after: "变更后",
    more: "加载更早的记录",
    changes: "变更内容",
    raw: "原始记录",
    importSummary: (added, changed) => `新增 ${added} 个单位，修改 ${changed} 个单位`,
    fields: {
      username: "用户名",
      role: "角色",
      scope: "管理范围",
      disabled: "已停用",
      personalData: "个人信息权限",
      createdAt: "创建时间",
      threshold: "达标线",
      minRespondents: "最少样本数",
      awareness: "知晓率",
      support: "支持率",
      participation: "参与率",
      satisfaction: "满意率",
      startsAt: "开始收集",
      endsAt: "结束收集",
      revokedAt: "撤销时间",
      revokedBy: "撤销人",
      reason: "原因",
      flagged: "标记",
      flagReason: "标记原因",
      reviewDecision: "审核结论",
      reviewReason: "审核理由",
      unitCode: "单位",
      surveyId: "问卷",
      createdBy: "创建人",
      label: "名称",
      name: "名称",
      url: "接收地址",
      format: "格式",
      events: "推送事件",
      active: "推送中",
      added: "新增单位数",
      changed: "修改单位数",
      adds: "新增单位",
      changes: "修改单位",
      title: "标题",
      description: "描述",
      status: "状态",
      dueDate: "整改期限",
      source: "来源意见",
      note: "办理记录",
      survey: "问卷",
      includeFlagged: "含已标记",
      labels: "选项",
      channel: "渠道",
      from: "起始日期",
      to: "结束日期",
      rows: "答卷数",
      generatedAt: "生成时间",
      unit: "单位",
      household: "户号",
    },
    groups: { own: "本单位设置", effective: "实际生效" },
    yes: "是",
    no: "否",
    empty: "（空）",
    actions: {
      "units.import": "导入单位",
      "users.create": "新建用户",
      "users.update": "修改用户",
      "users.reset_password": "重置密码",
      "auth.password_change": "修改本人密码",
      "posters.create": "生成海报",
      "posters.create_batch": "批量生成海报",
      "responses.review": "审核答卷",
      "posters.revoke": "撤销海报",
      "posters.window": "修改海报收集时间",
      "settings.thresholds": "修改达标线",
      "settings.privacy_notice": "修改个人信息告知",
      "settings.retention": "修改保留期限",
      "units.age_shares": "修改年龄结构（加权）",
      "webhooks.create": "新建消息推送",
      "webhooks.update": "修改消息推送",
      "webhooks.delete": "删除消息推送",
      "issues.create": "新建问题清单",
      "issues.update": "办理问题清单",
      "exports.unmasked": "导出未脱敏答卷",
      "audit.export": "导出操作日志",
      "subjects.export": "导出个人信息",
      "subjects.anonymise": "匿名化个人信息",
    },
  },
  password: {
    title: "修改密码",
    link: "修改密码",
    current: "当前密码",
    next: "新密码",
    repeat: "再次输入新密码",
    mismatch: "两次输入的新密码不一致",
    submit: "修改密码",
    done: "密码已修改；其他设备上的登录已退出。",
  },
};
