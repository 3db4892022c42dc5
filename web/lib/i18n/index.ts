import { adminZh, type AdminTexts } from "./zh-cn/admin";
import { authZh, type AuthTexts } from "./zh-cn/auth";
import { appNameZh, commonZh, pagesZh, shellZh, type CommonTexts, type PagesTexts, type ShellTexts } from "./zh-cn/common";
import { dashboardZh, type DashboardTexts } from "./zh-cn/dashboard";
import { exportsZh, type ExportsTexts } from "./zh-cn/exports";
import { interviewZh, type InterviewTexts } from "./zh-cn/interview";
import { methodsZh, type MethodsTexts } from "./zh-cn/methods";
import { respondentZh, surveyLocaleZh, type RespondentTexts, type SurveyLocaleTexts } from "./zh-cn/respondent";
import { unitsZh, type UnitsTexts } from "./zh-cn/units";

export type {
  AdminTexts,
  AuthTexts,
  CommonTexts,
  DashboardTexts,
  ExportsTexts,
  InterviewTexts,
  MethodsTexts,
  PagesTexts,
  RespondentTexts,
  ShellTexts,
  UnitsTexts,
};

/**
 * Every text the UI shows, in one typed object, so a second language is one more object of the
 * same type (one folder beside zh-cn/, one file per area). Code reads `texts.<area>.<key>`; texts
 * with numbers or names are functions. It lives in lib so that app and every feature read it
 * without importing each other.
 */
export interface Texts {
  appName: string;
  common: CommonTexts;
  respondent: RespondentTexts;
  surveyLocale: SurveyLocaleTexts;
  auth: AuthTexts;
  shell: ShellTexts;
  pages: PagesTexts;
  dashboard: DashboardTexts;
  methods: MethodsTexts;
  exports: ExportsTexts;
  interview: InterviewTexts;
  admin: AdminTexts;
  units: UnitsTexts;
}

export const zhCN: Texts = {
  appName: appNameZh,
  common: commonZh,
  respondent: respondentZh,
  surveyLocale: surveyLocaleZh,
  auth: authZh,
  shell: shellZh,
  pages: pagesZh,
  dashboard: dashboardZh,
  methods: methodsZh,
  exports: exportsZh,
  interview: interviewZh,
  admin: adminZh,
  units: unitsZh,
};

export const texts: Texts = zhCN;
