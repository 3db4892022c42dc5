import type { UnitKind } from "../../../../server/contracts/unit-kinds";

/** Texts shared by every page: the app's name, generic states, the signed-in shell and its placeholder pages. */
export interface CommonTexts {
  loading: string;
  building: string;
  notFoundTitle: string;
  notFoundBody: string;
  backHome: string;
  /** Names of the unit kinds, as offices say them. */
  unitKinds: Record<UnitKind, string>;
}

export interface ShellTexts {
  nav: { dashboard: string; admin: string };
  loggedInAs: (name: string, role: string) => string;
}

export interface PagesTexts {
  dashboardTitle: string;
  dashboardBody: string;
  adminTitle: string;
  adminBody: string;
  adminOnly: string;
  interviewTitle: string;
  interviewBody: string;
  whoAmI: (name: string, role: string, scope: string) => string;
}

export const appNameZh = "创文问卷";

export const commonZh: CommonTexts = {
  loading: "加载中…",
  building: "建设中",
  notFoundTitle: "页面不存在",
  notFoundBody: "您访问的页面不存在，请检查链接是否正确。",
  backHome: "返回首页",
  unitKinds: { city: "市", district: "区县", subdistrict: "街道/镇/乡", community: "社区/村", school_zone: "学区", school: "学校" },
};

export const shellZh: ShellTexts = {
  nav: { dashboard: "数据看板", admin: "管理" },
  loggedInAs: (name, role) => `${name}（${role}）`,
};

export const pagesZh: PagesTexts = {
  dashboardTitle: "数据看板",
  dashboardBody: "知晓率、支持率、参与率、满意率看板正在建设中。",
  adminTitle: "管理",
  adminBody: "单位、用户、二维码海报与问卷版本管理正在建设中。",
  adminOnly: "仅管理员可以访问此页面。",
  interviewTitle: "入户访问",
  interviewBody: "调查员离线入户访问功能正在建设中。",
  whoAmI: (name, role, scope) => `当前登录：${name}，角色：${role}，管理范围：${scope}`,
};
