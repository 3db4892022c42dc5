/**
 * A synthetic hierarchy for import tests and the import bench: districts `99dddd000000` ->
 * subdistricts -> communities with valid 统计用区划代码, hung under the demo city root.
 */
export function buildHierarchyCsv(shape: { districts: number; subdistricts: number; communities: number }, rootCode = "500000000000") {
  const lines = ["code,name,kind,parent_code,households,population,target_n"];
  let units = 0;
  let closureRows = 0;
  for (let d = 1; d <= shape.districts; d++) {
    const district = `99${String(d).padStart(4, "0")}000000`;
    lines.push(`${district},测试${d}区,district,${rootCode},,,`);
    units++;
    closureRows += 2;
    for (let s = 1; s <= shape.subdistricts; s++) {
      const sub = `${district.slice(0, 6)}${String(s).padStart(3, "0")}000`;
      lines.push(`${sub},测试${d}区${s}街道,subdistrict,${district},,,`);
      units++;
      closureRows += 3;
      for (let c = 1; c <= shape.communities; c++) {
        const code = `${sub.slice(0, 9)}${String(c).padStart(3, "0")}`;
        lines.push(`${code},第${c}社区,community,${sub},${1000 + c},${2600 + c},100`);
        units++;
        closureRows += 4;
      }
    }
  }
  return { text: `${lines.join("\n")}\n`, units, closureRows };
}
