/** Texts of the questionnaire editor (/admin/editor): survey list, draft editor, item bank, preview, publish. */
export interface SurveyEditorTexts {
  tab: string;
  list: {
    title: string;
    intro: string;
    survey: string;
    audience: string;
    version: (n: number) => string;
    state: string;
    active: string;
    retired: (at: string) => string;
    draftOpen: (revision: number, at: string) => string;
    edit: string;
    continueDraft: string;
    retire: string;
    reopen: string;
    confirmRetire: (title: string) => string;
    newSurvey: string;
    newId: string;
    newIdHint: string;
    newTitle: string;
    newAudience: string;
    from: string;
    fromTemplate: string;
    fromCopy: string;
    template: string;
    copyOf: string;
    create: string;
    creating: string;
  };
  audiences: Record<string, string>;
  editor: {
    back: string;
    heading: (title: string, surveyId: string) => string;
    basedOn: (version: number) => string;
    newSurvey: string;
    views: Record<"edit" | "phone" | "tablet" | "diff", string>;
    viewsLabel: string;
    surveyTitle: string;
    surveyDescription: string;
    pages: string;
    page: (n: number, title: string) => string;
    pageTitle: string;
    pageDescription: string;
    addPage: string;
    newPageTitle: (n: number) => string;
    removePage: string;
    confirmRemovePage: (title: string, n: number) => string;
    moveUp: string;
    moveDown: string;
    questions: (page: string) => string;
    noQuestions: string;
    addQuestion: string;
    questionType: string;
    types: Record<string, string>;
    newQuestionTitle: string;
    choicePlaceholder: (n: number) => string;
    fromBank: string;
    removeQuestion: string;
    confirmRemoveQuestion: (title: string) => string;
    selectQuestion: string;
    moveQuestionUp: (title: string) => string;
    moveQuestionDown: (title: string) => string;
    discard: string;
    confirmDiscard: string;
    loadFailed: (m: string) => string;
  };
  save: {
    saved: string;
    saving: string;
    unsaved: string;
    failed: (m: string) => string;
    retry: string;
    conflict: string;
    reload: string;
    overwrite: string;
    leaveWarning: string;
  };
  question: {
    legend: (name: string) => string;
    name: string;
    nameHint: string;
    nameInvalid: string;
    nameTaken: string;
    type: string;
    title: string;
    description: string;
    required: string;
    choices: string;
    choiceText: (n: number) => string;
    storedValue: (value: string) => string;
    moveChoiceUp: (text: string) => string;
    moveChoiceDown: (text: string) => string;
    removeChoice: (text: string) => string;
    newChoice: string;
    addChoice: string;
    valueKept: string;
    maxSelected: string;
    maxSelectedHint: string;
    maxSelectedMessage: (n: number) => string;
    numberRange: string;
    min: string;
    max: string;
    rangeMessage: string;
    rangeMessageDefault: (min: string, max: string) => string;
    rangeInvalid: string;
  };
  showIf: {
    legend: string;
    always: string;
    byAnswer: string;
    raw: string;
    sourceQuestion: string;
    pickQuestion: string;
    matchAny: string;
    matchNone: string;
    answers: string;
    expression: string;
    expressionHint: string;
    noEarlierQuestions: string;
    preview: (expression: string) => string;
  };
  metric: {
    legend: string;
    metric: string;
    none: string;
    names: Record<"awareness" | "support" | "participation" | "satisfaction", string>;
    positiveQuestion: Record<"awareness" | "support" | "participation" | "satisfaction", string>;
    excludedQuestion: string;
    excludedHint: string;
    scores: string;
    scoreOf: (text: string) => string;
    notSingleValued: string;
    noChoices: string;
  };
  bank: {
    title: string;
    intro: string;
    search: string;
    audience: string;
    anyAudience: string;
    metric: string;
    anyMetric: string;
    addTo: (page: string) => string;
    add: string;
    added: (title: string) => string;
    none: string;
    close: string;
  };
  problems: {
    title: (errors: number, warnings: number) => string;
    none: string;
    error: string;
    warning: string;
    goTo: string;
    goToPage: string;
    blocked: string;
  };
  preview: {
    phone: string;
    tablet: string;
    note: string;
    loading: string;
    failed: (m: string) => string;
    restart: string;
  };
  diff: {
    title: (version: number) => string;
    newSurvey: string;
    meaningChanged: string;
    meaningChangedItem: (title: string) => string;
  };
  publish: {
    button: string;
    title: string;
    summary: (added: number, removed: number, changed: number) => string;
    meaningWarning: string;
    meaningList: string;
    confirm: string;
    cancel: string;
    publishing: string;
    done: (version: number) => string;
    invalid: string;
    saveFirst: string;
  };
}

export const surveyEditorZh: SurveyEditorTexts = {
  tab: "问卷编辑",
  list: {
    title: "问卷编辑",
    intro: "在这里修改问卷、从题库添加题目、新建问卷或停用问卷。修改先保存为草稿，发布后成为新的版本；已发布的版本不会改变。",
    survey: "问卷",
    audience: "调查对象",
    version: (n) => `第${n}版`,
    state: "状态",
    active: "使用中",
    retired: (at) => `已停用（${at}）`,
    draftOpen: (r, at) => `有未发布的草稿（已保存${r}次，${at}）`,
    edit: "编辑",
    continueDraft: "继续编辑草稿",
    retire: "停用",
    reopen: "重新启用",
    confirmRetire: (t) => `确定停用「${t}」吗？停用后它的二维码海报将显示“调查已停止”，新海报也不能再选它。`,
    newSurvey: "新建问卷",
    newId: "问卷代码",
    newIdHint: "小写字母开头，只含小写字母、数字和连字符，3–41个字符，例如 parent-winter",
    newTitle: "问卷标题",
    newAudience: "调查对象",
    from: "从哪里开始",
    fromTemplate: "从模板新建",
    fromCopy: "复制已有问卷",
    template: "模板",
    copyOf: "复制哪份问卷",
    create: "创建草稿",
    creating: "正在创建…",
  },
  audiences: { resident: "居民", shopkeeper: "商户", parent: "家长" },
  editor: {
    back: "返回问卷列表",
    heading: (t, id) => `编辑问卷：${t}（${id}）`,
    basedOn: (v) => `草稿基于已发布的第${v}版`,
    newSurvey: "新问卷，尚未发布",
    views: { edit: "编辑", phone: "手机预览", tablet: "平板（入户访问）预览", diff: "与已发布版本对比" },
    viewsLabel: "编辑器视图",
    surveyTitle: "问卷标题",
    surveyDescription: "问卷说明（第一页顶部）",
    pages: "页面",
    page: (n, t) => `第${n}页 ${t}`,
    pageTitle: "页面标题",
    pageDescription: "页面说明",
    addPage: "添加页面",
    newPageTitle: (n) => `第${n}页`,
    removePage: "删除本页",
    confirmRemovePage: (t, n) => `确定删除页面「${t}」及其中的${n}道题吗？`,
    moveUp: "上移",
    moveDown: "下移",
    questions: (p) => `「${p}」的题目`,
    noQuestions: "本页还没有题目。",
    addQuestion: "添加新题",
    questionType: "题型",
    types: {
      radiogroup: "单选题",
      checkbox: "多选题",
      dropdown: "下拉单选",
      boolean: "是/否",
      rating: "评分",
      number: "数字填空",
      text: "填空",
      comment: "意见建议（多行文字）",
      html: "说明文字",
      panel: "题组",
    },
    newQuestionTitle: "新题目",
    choicePlaceholder: (n) => `选项${n}`,
    fromBank: "从题库添加",
    removeQuestion: "删除本题",
    confirmRemoveQuestion: (t) => `确定删除题目「${t}」吗？`,
    selectQuestion: "在左侧选择一道题进行编辑。",
    moveQuestionUp: (t) => `上移「${t}」`,
    moveQuestionDown: (t) => `下移「${t}」`,
    discard: "放弃草稿",
    confirmDiscard: "确定放弃这份草稿吗？所有未发布的修改都会丢失，已发布的版本不受影响。",
    loadFailed: (m) => `草稿加载失败：${m}`,
  },
  save: {
    saved: "已保存",
    saving: "保存中…",
    unsaved: "未保存",
    failed: (m) => `保存失败：${m}（稍后自动重试）`,
    retry: "立即重试",
    conflict: "这份草稿已在别处（另一个窗口或另一位管理员）保存过，本页的修改没有保存。",
    reload: "载入最新草稿（放弃本页的修改）",
    overwrite: "用本页内容覆盖",
    leaveWarning: "还有修改没有保存，确定离开吗？",
  },
  question: {
    legend: (n) => `题目设置（${n}）`,
    name: "题目代码",
    nameHint: "答卷数据中的字段名；只能在发布前修改",
    nameInvalid: "题目代码须以小写字母开头，只含小写字母、数字和下划线",
    nameTaken: "已有题目使用这个代码",
    type: "题型",
    title: "题目文字",
    description: "题目说明",
    required: "必答",
    choices: "选项",
    choiceText: (n) => `选项${n}的文字`,
    storedValue: (v) => `存储值 ${v}`,
    moveChoiceUp: (t) => `上移选项「${t}」`,
    moveChoiceDown: (t) => `下移选项「${t}」`,
    removeChoice: (t) => `删除选项「${t}」`,
    newChoice: "新选项的文字",
    addChoice: "添加选项",
    valueKept: "修改选项文字不会改变存储值，已收到的答卷仍然对得上。",
    maxSelected: "最多选几项（留空表示不限）",
    maxSelectedHint: "多选题最多可选的项数",
    maxSelectedMessage: (n) => `最多选择${n}项`,
    numberRange: "数值范围",
    min: "最小值",
    max: "最大值",
    rangeMessage: "超出范围时的提示",
    rangeMessageDefault: (min, max) =>
      min && max ? `请填写${min}到${max}之间的数` : min ? `请填写不小于${min}的数` : `请填写不大于${max}的数`,
    rangeInvalid: "最小值不能大于最大值",
  },
  showIf: {
    legend: "显示条件",
    always: "总是显示",
    byAnswer: "按前面某题的答案显示",
    raw: "自定义表达式",
    sourceQuestion: "根据哪道题",
    pickQuestion: "请选择题目",
    matchAny: "答案是下列之一时显示",
    matchNone: "答案不是下列任何一项时显示",
    answers: "哪些答案",
    expression: "SurveyJS 表达式",
    expressionHint: "例如 {age_band} anyof ['18_29', '30_39']；保存时会检查能否解析、引用的题目是否存在",
    noEarlierQuestions: "前面没有可作为条件的选择题。",
    preview: (e) => `将保存为：${e}`,
  },
  metric: {
    legend: "测评指标",
    metric: "这道题计入哪项指标",
    none: "不计入测评指标",
    names: { awareness: "知晓率", support: "支持率", participation: "参与率", satisfaction: "满意率" },
    positiveQuestion: {
      awareness: "哪些选项算作知晓？",
      support: "哪些选项算作支持？",
      participation: "哪些选项算作参与？",
      satisfaction: "哪些选项算作满意？",
    },
    excludedQuestion: "哪些选项不计入统计？",
    excludedHint: "选了这些选项的答卷不进入这道题的分母（例如宽松口径下的“不清楚”）；不勾选则按严格口径计为未达标。",
    scores: "满意度得分（0–100，留空表示不计分）",
    scoreOf: (t) => `「${t}」的分值`,
    notSingleValued: "只有单选、下拉、是/否和评分题可以计入测评指标。",
    noChoices: "先添加选项，再设置哪些选项计入指标。",
  },
  bank: {
    title: "题库",
    intro: "经过检验的创文常用题目，已设好测评指标；添加后仍可修改文字。",
    search: "搜索题目",
    audience: "调查对象",
    anyAudience: "全部对象",
    metric: "指标",
    anyMetric: "全部指标",
    addTo: (p) => `添加到「${p}」`,
    add: "添加",
    added: (t) => `已添加「${t}」`,
    none: "没有符合条件的题目。",
    close: "关闭题库",
  },
  problems: {
    title: (e, w) => `检查结果：${e}个错误，${w}个提醒`,
    none: "没有发现问题，可以发布。",
    error: "错误",
    warning: "提醒",
    goTo: "转到这道题",
    goToPage: "转到这一页",
    blocked: "有错误时不能发布，请先修改。",
  },
  preview: {
    phone: "手机上看到的样子（扫码填写，宽 375 像素）",
    tablet: "调查员平板上看到的样子（入户访问）",
    note: "预览使用与正式填写相同的问卷引擎；在预览中填写的内容不会提交。",
    loading: "正在加载预览…",
    failed: (m) => `这份草稿无法显示：${m}`,
    restart: "从头预览",
  },
  diff: {
    title: (v) => `与已发布的第${v}版相比`,
    newSurvey: "这是一份新问卷，还没有已发布的版本。",
    meaningChanged: "以下测评题的口径发生了变化（选项或计分方式改变）：发布前后的数字不可直接比较，仪表盘趋势图会标出版本分界。",
    meaningChangedItem: (t) => t,
  },
  publish: {
    button: "发布",
    title: "发布新版本",
    summary: (a, r, c) => `新增${a}道题，删除${r}道题，修改${c}道题。`,
    meaningWarning: "注意：有测评题的口径发生了变化，发布前后的指标不可直接比较。",
    meaningList: "口径变化的题目",
    confirm: "确认发布",
    cancel: "取消",
    publishing: "正在发布…",
    done: (v) => `已发布为第${v}版。正在填写的问卷页面会自动使用新版本。`,
    invalid: "草稿有错误，不能发布：",
    saveFirst: "正在保存草稿，请稍候再发布。",
  },
};
