/** Texts of the unit picker and unit names in lists (web/lib/ui/unit-picker.tsx, unit-name.tsx). */
export interface UnitsTexts {
  placeholder: string;
  searching: string;
  noHits: (q: string) => string;
  more: string;
  loadFailed: string;
  expand: (name: string) => string;
  clear: string;
  hint: string;
  notAllowed: (kinds: string) => string;
  chosen: (name: string, code: string) => string;
}

export const unitsZh: UnitsTexts = {
  placeholder: "输入单位名称或代码搜索",
  searching: "正在搜索…",
  noHits: (q) => `没有找到名称含“${q}”或代码以“${q}”开头的单位`,
  more: "结果较多，只显示前 30 个，请输入更多字词",
  loadFailed: "单位读取失败，请重试",
  expand: (name) => `展开${name}`,
  clear: "清除",
  hint: "上下方向键选择，右方向键展开下级，回车确定，Esc 关闭",
  notAllowed: (kinds) => `此处只能选择：${kinds}`,
  chosen: (name, code) => `已选：${name}（${code}）`,
};
