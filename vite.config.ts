import { fileURLToPath } from "node:url";
import { constants as zlibConstants } from "node:zlib";
import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import { compression, defineAlgorithm } from "vite-plugin-compression2";
import { VitePWA } from "vite-plugin-pwa";

/**
 * One config for the web build (web/ -> dist/web) and the test projects:
 * `unit` runs API, service and survey tests on in-memory libSQL; `e2e` drives real Chromium
 * against a real server and so runs its files one at a time; `reliability` kills, starves and
 * floods real server processes (docs/reliability.md).
 */
/** Contract test files that also run against the Worker (they use test/helpers/target.ts). */
const EDGE_CONTRACT_FILES = ["responses", "auth", "posters", "bad-input", "survey-versions"];
const DIFFERENTIAL_FILES = "test/server/validation/differential-*.test.ts";

export default defineConfig({
  root: "web",
  publicDir: "public",
  plugins: [
    react(),
    // The installable offline interview app (web/features/interview/lib/pwa.ts registers it).
    VitePWA({
      registerType: "autoUpdate",
      injectRegister: false,
      scope: "/interview",
      manifest: {
        name: "创文问卷 · 入户访问",
        short_name: "入户访问",
        description: "调查员离线入户访问",
        lang: "zh-CN",
        start_url: "/interview",
        scope: "/interview",
        display: "standalone",
        orientation: "any",
        background_color: "#f4f5f7",
        theme_color: "#b3261e",
        icons: [
          { src: "/icons/interview-192.png", sizes: "192x192", type: "image/png" },
          { src: "/icons/interview-512.png", sizes: "512x512", type: "image/png", purpose: "any maskable" },
        ],
      },
      workbox: {
        globPatterns: ["**/*.{js,css,html,png,svg,webmanifest}"],
        // The SurveyJS chunk is over Workbox's 2 MiB default; interviews need it offline.
        maximumFileSizeToCacheInBytes: 6 * 1024 * 1024,
        navigateFallback: "/index.html",
        navigateFallbackAllowlist: [/^\/interview/],
        clientsClaim: true,
        skipWaiting: true,
        runtimeCaching: [
          {
            // Published survey versions never change (the server says immutable).
            urlPattern: /\/api\/v1\/surveys\/[^/]+\/versions\/\d+$/,
            handler: "CacheFirst",
            options: { cacheName: "cw-survey-versions", expiration: { maxEntries: 50 } },
          },
          {
            urlPattern: /\/api\/v1\/(units\/[^/]+|surveys)$/,
            handler: "NetworkFirst",
            options: { cacheName: "cw-units-surveys", networkTimeoutSeconds: 5, expiration: { maxEntries: 500 } },
          },
        ],
      },
    }),
    // Brotli and gzip files beside each asset, served as they are by server/node.ts: phones on a
    // slow link get ~20% fewer bytes than on-the-fly gzip, and the server spends no CPU on it.
    compression({
      algorithms: [defineAlgorithm("brotliCompress", { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }), "gzip"],
      threshold: 1024,
      exclude: [/\.(png|jpe?g|webp|woff2?)$/],
    }),
  ],
  build: {
    outDir: "../dist/web",
    emptyOutDir: true,
    // server/node.ts reads it to send preload hints for the respondent page's chunks.
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: { "/api": "http://127.0.0.1:8787" },
  },
  test: {
    root: ".",
    projects: [
      {
        extends: true,
        // workerd's built-in module, for the in-process tests that import server/worker.ts.
        resolve: {
          alias: { "cloudflare:workers": fileURLToPath(new URL("./test/helpers/cloudflare-workers-stand-in.ts", import.meta.url)) },
        },
        test: {
          name: "unit",
          root: ".",
          include: ["test/**/*.test.ts"],
          exclude: ["test/e2e/**", "test/edge/**", "test/reliability/**", `${DIFFERENTIAL_FILES}`, "node_modules/**"],
          environment: "node",
          testTimeout: 30_000,
        },
      },
      {
        // The compiled validator against survey-core on 5,000 generated answer sets per survey:
        // minutes each, so apart from `unit` (`npm run test:unit` stays about a minute).
        extends: true,
        test: {
          name: "differential",
          root: ".",
          include: [DIFFERENTIAL_FILES],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          root: ".",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // Crash, storage faults, hostile input, flood, backup (issue 8; docs/reliability.md):
        // real server processes and bounded loads, so one file at a time and long timeouts.
        extends: true,
        test: {
          name: "reliability",
          root: ".",
          include: ["test/reliability/**/*.test.ts"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The HTTP contract cases again, against the Worker under workerd on a real sqld
        // (test/edge/contract-setup.ts starts both per file; test/helpers/target.ts switches).
        extends: true,
        test: {
          name: "edge-contract",
          root: ".",
          include: [`test/server/{${EDGE_CONTRACT_FILES.join(",")}}.test.ts`],
          env: { CONTRACT_TARGET: "worker" },
          setupFiles: ["test/edge/contract-setup.ts"],
          environment: "node",
          // One workerd + sqld at a time: several at once on a small CI machine restart workerd.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Several runtimes on one sqld at once, the Worker's start, its bundle.
        extends: true,
        test: {
          name: "edge",
          root: ".",
          include: ["test/edge/**/*.test.ts"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
