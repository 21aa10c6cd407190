import { execFile } from "node:child_process";

/**
 * `docker --version` as a real child process: the Docker CLI's own answer, or undefined
 * when there is no `docker` on PATH (or it fails). `env` lets tests pick the PATH.
 */
export function dockerVersion(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile("docker", ["--version"], { env, timeout: 10_000, windowsHide: true }, (error, stdout) => {
      const text = String(stdout).trim();
      resolve(error || text === "" ? undefined : text.split("\n")[0]);
    });
  });
}
