/** `npm run bench`: every bench/*.ts (except this file) in turn, each in its own process. */
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
for (const file of readdirSync(here).filter((f) => f.endsWith(".ts") && f !== "run-all.ts").sort()) {
  console.log(`\n== bench/${file}`);
  execFileSync(process.execPath, ["--import", "tsx", join(here, file)], { stdio: "inherit" });
}
