/**
 * Builds the Node entry into one ES module, dist/server/node.mjs (`npm run build`), which
 * `npm start` runs with plain node. Running the TypeScript through tsx at run time kept every
 * module's transpiled source and source map in memory: the idle server stood at ~229 MB RSS under
 * tsx and ~137 MB from the bundle (docs/benchmarks.md, "Export"). Packages stay external (native
 * libSQL, node_modules as installed); the migrations and the web build are found from the
 * repository root at run time (server/lib/repo-root.ts), not bundled.
 *
 *   npx tsx server/scripts/build-server.ts
 */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const outfile = resolve(root, "dist/server/node.mjs");

await build({
  entryPoints: [resolve(root, "server/node.ts")],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: "linked",
  logLevel: "warning",
});
console.log(`server bundle: ${outfile}`);
