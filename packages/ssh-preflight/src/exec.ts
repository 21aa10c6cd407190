import type { Client } from "ssh2";
import { SshPreflightCodes, SshPreflightError } from "./errors.js";

export interface ExecResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one command, bounded by `timeoutMs`, and collects its output. */
export function execCommand(client: Client, command: string, timeoutMs: number): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new SshPreflightError(SshPreflightCodes.COMMAND, `\`${command}\` did not finish within ${timeoutMs} ms`, "the machine may be overloaded; try again"));
    }, timeoutMs);
    client.exec(command, (error, stream) => {
      if (error) {
        clearTimeout(timer);
        reject(new SshPreflightError(SshPreflightCodes.COMMAND, `cannot run \`${command}\` over SSH: ${error.message}`, "the SSH user must be allowed to run commands"));
        return;
      }
      let stdout = "";
      let stderr = "";
      stream.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
      stream.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
      stream.on("close", (code: number | null) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });
  });
}
