import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository (or deployment) root: the nearest folder above `fromUrl` that holds a
 * package.json. The Node entry runs from server/node.ts under tsx and from dist/server/node.mjs
 * once built, so paths relative to the file itself differ between the two; the root does not.
 * Node only (the Worker has no file system).
 *
 * @example resolve(repoRoot(import.meta.url), "dist/web")
 */
export function repoRoot(fromUrl: string): string {
  let dir = dirname(fileURLToPath(fromUrl));
  for (;;) {
    if (existsSync(resolve(dir, "package.json"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${fileURLToPath(fromUrl)}`);
    dir = parent;
  }
}
