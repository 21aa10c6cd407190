import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const cliDir = fileURLToPath(new URL("../..", import.meta.url));
const bin = fileURLToPath(new URL("../../bin/computeflow.js", import.meta.url));
const built = fileURLToPath(new URL("../../dist/main.js", import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI (bin -> dist) as a child process, from packages/cli unless told otherwise. */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  if (!existsSync(built)) throw new Error("packages/cli/dist is missing: run `npm run build` first (the Nx test target does)");
  const env = { ...process.env, NO_COLOR: "1", COMPUTEFLOW_DEBUG: "", ...options.env };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: options.cwd ?? cliDir, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: "error" | "warning";
  code: string;
  message: string;
  hint?: string;
}

/** Reads `FILE:LINE:COL: error[CODE]: message` lines and their `hint:` lines back. */
export function diagnostics(output: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const line of output.split("\n")) {
    const m = /^(.+?):(\d+):(\d+): (error|warning)\[([A-Z_]+)\]: (.*)$/.exec(line);
    if (m) {
      found.push({ file: m[1]!, line: Number(m[2]), column: Number(m[3]), severity: m[4] as "error", code: m[5]!, message: m[6]! });
      continue;
    }
    const hint = /^ {2}hint: (.*)$/.exec(line);
    const last = found[found.length - 1];
    if (hint && last) last.hint = hint[1]!;
  }
  return found;
}
