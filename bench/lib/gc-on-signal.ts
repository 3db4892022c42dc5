/**
 * Bench-only preload for the server process (node --expose-gc --import this): on SIGUSR2 it runs
 * a full GC and writes process.memoryUsage() to $CW_MEMORY_FILE, so a memory bench compares
 * live memory rather than garbage V8 has not collected yet.
 */
import { writeFileSync } from "node:fs";

process.on("SIGUSR2", () => {
  (globalThis as { gc?: () => void }).gc?.();
  const file = process.env.CW_MEMORY_FILE;
  if (file) writeFileSync(file, JSON.stringify(process.memoryUsage()));
});
