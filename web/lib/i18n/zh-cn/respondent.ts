/**
 * The 410 codes a closed poster answers with (web/features/respondent/types.ts `PosterClosedCode`);
 * spelled out here because lib does not import features. Indexing `closedTitles` with a code this
 * union lacks fails the typecheck, so a new code cannot go untranslated.
 */
export type PosterClosedTextCode = "poster_revoked" | "poster_not_open" | "poster_closed";

/** Texts of the respondent page (/q/:token). */
export interface RespondentTexts {
  loading: string;
  loadingQuestions: string;
  invalidTokenTitle: string;
  invalidTokenBody: string;
  loadFailedTitle: string;
  loadFailedBody: string;
  reload: string;
  draftRestored: string;
  versionChanged: string;
  submitting: string;
  offline: string;
  /** Under the offline title: where the answers are and what happens next, plainly. */
  offlineBody: string;
  retryIn: (seconds: number) => string;
  retryNow: string;
  rateLimited: string;
  invalidTitle: string;
  invalidBody: string;
  rejectedTitle: string;
  rejectedBody: string;
  /** A revoked poster, or one outside its collection window (410 from the server). */
  closedTitles: Record<PosterClosedTextCode, string>;
  closedBody: string;
  closedAfterFilling: string;
  thanksTitle: string;
  thanksBody: string;
  thanksNote: string;
  documentTitle: (unitName: string) => string;
  /** Under a 最多选N项 question once N boxes are ticked (the rest are disabled). */
  choiceLimitReached: (max: number) => string;
  /** Where the person is, in words: 第2/6页. */
  pageProgress: (pageNo: number, pageCount: number) => string;
  /** The large-text switch in the header (one tap, remembered on the phone). */
  largeText: string;
  fillAnother: string;
  fillAnotherNote: string;
  /** The 个人信息处理告知 above the first question (its text is an admin setting, issue 19). */
  privacyNotice: { title: string; expand: string };
}

/** Strings of SurveyJS's own Chinese locale that read badly (machine-translated) replaced. */
export type SurveyLocaleTexts = Record<string, string>;

export const respondentZh: RespondentTexts = {
  loading: "正在加载问卷…",
  loadingQuestions: "正在加载题目…",
  invalidTokenTitle: "二维码无效或已过期",
  invalidTokenBody: "请扫描张贴处最新的二维码，或联系社区工作人员。",
  loadFailedTitle: "问卷加载失败",
  loadFailedBody: "网络不稳定，请检查网络后重新加载。",
  reload: "重新加载",
  draftRestored: "已恢复您上次填写的内容，可以接着填写。",
  versionChanged: "问卷内容已更新，仍然适用的答案已为您保留，请从第一页核对。",
  submitting: "正在提交，请稍候…",
  offline: "暂时没有网络，您的答案已保存在这部手机上",
  offlineBody: "网络恢复后会自动提交，不用重新填写；关掉本页也不会丢失，下次打开时会接着提交。",
  retryIn: (seconds) => `${seconds} 秒后自动重试`,
  retryNow: "立即重试",
  rateLimited: "提交过于频繁，请稍后再试",
  invalidTitle: "有几处答案需要修改",
  invalidBody: "请根据下面的提示修改后再次提交：",
  rejectedTitle: "提交未成功",
  rejectedBody: "您的答案已保存在本机。请稍后再试，或联系社区工作人员。",
  closedTitles: { poster_revoked: "该二维码已停用", poster_not_open: "调查尚未开始", poster_closed: "调查已结束" },
  closedBody: "如有疑问，请联系社区工作人员。",
  closedAfterFilling: "此二维码现已不再收集问卷，您的答案未能提交。",
  thanksTitle: "感谢您的参与！",
  thanksBody: "您的意见已经提交。共建文明城市，有您的一份力量。",
  thanksNote: "可以直接关闭本页面。",
  documentTitle: (unitName) => `${unitName} · 创文问卷`,
  choiceLimitReached: (max) => `已选满${max}项，其余选项暂不能选。如需更换，请先取消一项。`,
  pageProgress: (pageNo, pageCount) => `第${pageNo}/${pageCount}页`,
  largeText: "大字",
  fillAnother: "再填一份",
  fillAnotherNote: "家里其他人也想填写，可以用这部手机再填一份。同一部手机提交的几份问卷会标注出来以便核实，这很正常，不影响您的意见。",
  privacyNotice: { title: "个人信息处理告知", expand: "展开全文" },
};

export const surveyLocaleZh: SurveyLocaleTexts = {
  placeholder: "请选择…",
  ratingOptionsCaption: "请选择…",
  buttongroupOptionsCaption: "请选择…",
  loadingSurvey: "问卷正在加载中…",
};
