/**
 * A household register file of `rows` doors spread over the given communities: building /
 * unit / room numbers counted up, every door distinct, for the 100,000-row import test and bench.
 */
export function buildRegisterCsv(rows: number, communities: readonly string[]): string {
  const lines = ["unit_code,kind,building,unit,room,address,shop_name"];
  for (let i = 0; i < rows; i++) {
    const unit = communities[i % communities.length]!;
    const n = Math.floor(i / communities.length);
    const building = Math.floor(n / 120) + 1;
    const unitNo = (Math.floor(n / 40) % 3) + 1;
    const room = 101 + (n % 40);
    lines.push(i % 10 === 9 ? `${unit},shop,,,,第${n}号门面,商铺${n}` : `${unit},household,${building},${unitNo},${room},,`);
  }
  return lines.join("\n");
}
