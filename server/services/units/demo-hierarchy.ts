import type { NewUnit } from "./units";

/**
 * A demo city: real district and subdistrict codes from 统计用区划代码 (docs/domain.md), illustrative
 * communities under each subdistrict and a few schools under each district's education commission.
 */
const CITY = { code: "500000000000", name: "重庆市" };

const DISTRICTS: { code: string; name: string; subdistricts: [string, string, string[]][]; schools: string[] }[] = [
  {
    code: "500104000000",
    name: "大渡口区",
    subdistricts: [
      ["500104001000", "新山村街道", ["民主社区", "钢花社区", "兴澳社区", "新山社区"]],
      ["500104002000", "跃进村街道", ["跃进村社区", "翠园社区", "大堰社区", "松青社区"]],
      ["500104003000", "九宫庙街道", ["九宫庙社区", "锦城社区", "滨江社区", "新工社区"]],
      ["500104004000", "茄子溪街道", ["茄子溪社区", "建设村社区", "新合社区"]],
      ["500104005000", "春晖路街道", ["春晖路社区", "百花社区", "柏树堡社区", "翠林社区"]],
    ],
    schools: ["大渡口区实验小学", "育才小学", "钢城实验学校", "第三十七中学", "茄子溪中学"],
  },
  {
    code: "500110000000",
    name: "綦江区",
    subdistricts: [
      ["500110001000", "古南街道", ["沱湾社区", "文昌社区", "九龙社区", "綦江社区"]],
      ["500110002000", "文龙街道", ["文龙社区", "石门坎社区", "沙溪社区", "通惠社区"]],
      ["500110003000", "三江街道", ["三江社区", "双溪社区", "高庙社区"]],
    ],
    schools: ["綦江区实验小学", "文龙小学", "古南中学", "綦江中学"],
  },
];

/** Deterministic "random" sizes so every demo database looks the same. */
function sizeFor(code: string): number {
  let h = 0;
  for (const ch of code) h = (h * 31 + ch.charCodeAt(0)) % 10007;
  return 1200 + (h % 3300);
}

export function demoUnits(): NewUnit[] {
  const list: NewUnit[] = [{ code: CITY.code, name: CITY.name, kind: "city", parentCode: null }];
  for (const d of DISTRICTS) {
    list.push({ code: d.code, name: d.name, kind: "district", parentCode: CITY.code });
    for (const [subCode, subName, communities] of d.subdistricts) {
      list.push({ code: subCode, name: subName, kind: "subdistrict", parentCode: d.code });
      communities.forEach((name, i) => {
        const code = `${subCode.slice(0, 9)}${String(i + 1).padStart(3, "0")}`;
        const households = sizeFor(code);
        list.push({
          code,
          name,
          kind: "community",
          parentCode: subCode,
          households,
          population: Math.round(households * 2.6),
          targetN: 100,
        });
      });
    }
    d.schools.forEach((name, i) => {
      list.push({
        code: `${d.code.slice(0, 6)}S${String(i + 1).padStart(2, "0")}`,
        name,
        kind: "school",
        parentCode: d.code,
        targetN: 60,
      });
    });
  }
  return list;
}
