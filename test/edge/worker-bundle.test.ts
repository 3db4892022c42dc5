/**
 * The Worker as `wrangler deploy` would upload it: bundled and minified without an account,
 * under 1 MiB gzipped (the Workers free-plan limit is 3 MiB, paid 10 MiB; we keep far below so
 * cold starts stay short), and free of Node built-ins (no nodejs_compat in wrangler.toml).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { bundleWorker, requireEdge } from "../helpers/edge";

const LIMIT_BYTES = 1024 * 1024;

describe.skipIf(!requireEdge())("Worker bundle", () => {
  it("bundles with wrangler deploy --dry-run --minify, stays under 1 MiB gzipped, imports no Node built-ins", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cw-bundle-"));
    try {
      const { script } = await bundleWorker(dir);
      const code = readFileSync(script);
      const gzipped = gzipSync(code, { level: 9 }).length;
      console.log(
        `worker bundle: ${(code.length / 1024).toFixed(0)} KiB minified, ${(gzipped / 1024).toFixed(0)} KiB gzipped (limit ${LIMIT_BYTES / 1024} KiB)`,
      );
      expect(gzipped).toBeLessThan(LIMIT_BYTES);
      const text = code.toString("utf8");
      expect(
        text.match(
          /(?:from\s*|import\s*\(\s*|require\s*\(\s*)["'](?:node:)?(?:fs|path|url|os|child_process|net|tls|crypto|stream|buffer|worker_threads|module)["']/g,
        ) ?? [],
      ).toEqual([]);
      expect(text.match(/["']node:[a-z_/]+["']/g) ?? []).toEqual([]);
      // survey-core (the validator) and the shipped surveys are in it.
      expect(text).toContain("knows_campaign");
      expect(text).toMatch(/survey-core|SurveyModel/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
