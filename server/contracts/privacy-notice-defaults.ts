/**
 * The privacy texts (个人信息处理告知, issue 19) as a pure module: the server falls back to these
 * until an admin edits them, and the interview app shows them when it has never been online to
 * fetch the stored ones. The one place the defaults live; no zod, so the web bundle can import it.
 */
export interface PrivacyNotice {
  /** Shown above the first question of the respondent page: what, why, how long, whom to ask. */
  respondentSummary: string;
  /** Behind 展开 on the respondent page: the full notice. */
  respondentFull: string;
  /** The interview app's consent step before any GPS position is recorded. */
  interviewGpsConsent: string;
  /** Added to the 开场白 the interviewer reads at the door, when positions are recorded. */
  interviewOpeningGps: string;
}

/** Upper bounds in characters: the summary must fit a phone screen above the first question. */
export const PRIVACY_NOTICE_LIMITS: Record<keyof PrivacyNotice, number> = {
  respondentSummary: 160,
  respondentFull: 4000,
  interviewGpsConsent: 400,
  interviewOpeningGps: 200,
};

export const PRIVACY_NOTICE_KEYS = Object.keys(PRIVACY_NOTICE_LIMITS) as (keyof PrivacyNotice)[];

export const DEFAULT_PRIVACY_NOTICE: PrivacyNotice = {
  respondentSummary:
    "本问卷不记名，只收集您的回答和手机的匿名标识，用于统计创文工作成效，保存到调查年度结束后 180 天。如有疑问请联系所在社区居委会。",
  respondentFull: [
    "一、收集什么：您在本问卷中的回答；提交时间；为防止重复提交而生成的手机匿名标识和网络地址摘要。我们不收集您的姓名、电话或住址，请不要在意见栏中填写这些信息。",
    "二、为什么收集：用于统计本单位创建全国文明城市工作的群众知晓率、满意度等指标，并汇总成报告，不用于其他目的。",
    "三、保存多久：回答以统计形式长期保存；手机匿名标识等信息在调查年度结束后 180 天内删除或改为无法识别个人的形式。",
    "四、谁能看到：只有负责创文工作的区、街道、社区工作人员按权限查看统计结果；不向第三方提供，不公开。",
    "五、您的权利：填写完全自愿，您可以随时停止填写。如需查询、更正或删除与您有关的信息，或有任何疑问，请联系所在社区居委会或区创文办。",
  ].join("\n"),
  interviewGpsConsent:
    "本应用可以在每次入户访问时记录平板的大致位置（GPS），只用于核实访问确实在本社区完成，保存到调查年度结束后 180 天。不同意也可以照常访问，访问记录不含位置。",
  interviewOpeningGps: "为核实调查确实上门完成，平板会记录这次访问的大致位置，不记录您的姓名和电话。",
};
