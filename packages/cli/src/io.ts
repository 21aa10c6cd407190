import type { Writable } from "node:stream";

/** Where a command writes and what it knows of its terminal; injected so tests can run commands in-process too. */
export interface CliIO {
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** stdout is an interactive terminal (live view allowed). */
  isTTY: boolean;
}

export function processIO(): CliIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY) && !process.env.CI,
  };
}
