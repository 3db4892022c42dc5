import { adminZh, type AdminTexts } from "./zh-cn/admin";
import { authZh, type AuthTexts } from "./zh-cn/auth";
import { appNameZh, commonZh, pagesZh, shellZh, type CommonTexts, type PagesTexts, type ShellTexts } from "./zh-cn/common";
import { dashboardZh, type DashboardTexts } from "./zh-cn/dashboard";
import { distributionsZh, type DistributionsTexts } from "./zh-cn/distributions";
import { exportsZh, type ExportsTexts } from "./zh-cn/exports";
import { fieldReviewZh, type FieldReviewTexts } from "./zh-cn/field-review";
import { fieldPlanZh, type FieldPlanTexts } from "./zh-cn/field-plan";
import { interviewZh, type InterviewTexts } from "./zh-cn/interview";
import { issueListZh, type IssueListTexts } from "./zh-cn/issue-list";
import { methodsZh, type MethodsTexts } from "./zh-cn/methods";
import { monthlyReportZh, type MonthlyReportTexts } from "./zh-cn/monthly-report";
import { registerZh, type RegisterTexts } from "./zh-cn/register";
import { retentionZh, type RetentionTexts } from "./zh-cn/retention";
import { respondentZh, surveyLocaleZh, type RespondentTexts, type SurveyLocaleTexts } from "./zh-cn/respondent";
import { subjectsZh, type SubjectsTexts } from "./zh-cn/subjects";
import { surveyEditorZh, type SurveyEditorTexts } from "./zh-cn/survey-editor";
import { webhooksZh, type WebhooksTexts } from "./zh-cn/webhooks";
import { securityZh, type SecurityTexts } from "./zh-cn/security";
import { unitsZh, type UnitsTexts } from "./zh-cn/units";

export type {
  AdminTexts,
  AuthTexts,
  CommonTexts,
  DashboardTexts,
  DistributionsTexts,
  ExportsTexts,
  FieldReviewTexts,
  FieldPlanTexts,
  InterviewTexts,
  IssueListTexts,
  MethodsTexts,
  MonthlyReportTexts,
  PagesTexts,
  RegisterTexts,
  RespondentTexts,
  RetentionTexts,
  ShellTexts,
  SubjectsTexts,
  SurveyEditorTexts,
  SecurityTexts,
  WebhooksTexts,
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
  distributions: DistributionsTexts;
  methods: MethodsTexts;
  monthlyReport: MonthlyReportTexts;
  exports: ExportsTexts;
  interview: InterviewTexts;
  admin: AdminTexts;
  webhooks: WebhooksTexts;
  subjects: SubjectsTexts;
  retention: RetentionTexts;
  security: SecurityTexts;
  issueList: IssueListTexts;
  units: UnitsTexts;
  register: RegisterTexts;
  fieldReview: FieldReviewTexts;
  fieldPlan: FieldPlanTexts;
  surveyEditor: SurveyEditorTexts;
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
  distributions: distributionsZh,
  methods: methodsZh,
  monthlyReport: monthlyReportZh,
  exports: exportsZh,
  interview: interviewZh,
  admin: adminZh,
  webhooks: webhooksZh,
  subjects: subjectsZh,
  retention: retentionZh,
  security: securityZh,
  issueList: issueListZh,
  units: unitsZh,
  register: registerZh,
  fieldReview: fieldReviewZh,
  fieldPlan: fieldPlanZh,
  surveyEditor: surveyEditorZh,
};

export const texts: Texts = zhCN;
