import { spawn } from "node:child_process";

/** Runs one of server/scripts/*.ts as `npm run` would (node + tsx), with the given environment over a bare one. */
export function runScript(
  script: string,
  env: Record<string, string | undefined>,
  args: string[] = [],
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
      cwd: process.cwd(),
      // A bare environment, so a DATABASE_* of the machine running the tests cannot leak in.
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
