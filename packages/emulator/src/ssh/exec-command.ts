import type { OsSpec, SshHostSpec } from "../world/world-types.js";

export interface ExecResult {
  stdout: string;
  stderr: string;
  code: number;
}

const DEFAULT_OS: OsSpec = { id: "ubuntu", version_id: "20.04", pretty_name: "Ubuntu 20.04.6 LTS" };

export function osRelease(os: OsSpec): string {
  return [
    `PRETTY_NAME="${os.pretty_name}"`,
    `NAME="${os.id === "ubuntu" ? "Ubuntu" : os.id}"`,
    `VERSION_ID="${os.version_id}"`,
    `ID=${os.id}`,
    "",
  ].join("\n");
}

const notFound = (cmd: string): ExecResult => ({ stdout: "", stderr: `bash: ${cmd}: command not found\n`, code: 127 });

/**
 * The few commands attach pre-flight checks run. Anything else answers like a shell
 * without that program (exit 127). Supported: cat /etc/os-release, docker --version,
 * docker info, command -v docker / which docker, uname [-a|-s|-m], whoami, hostname, nproc, true, echo.
 */
export function execCommand(command: string, host: SshHostSpec & { name: string }): ExecResult {
  const os = host.os ?? DEFAULT_OS;
  const docker = host.docker ?? true;
  const cmd = command.trim();
  const ok = (stdout: string): ExecResult => ({ stdout, stderr: "", code: 0 });
  if (cmd === "cat /etc/os-release") return ok(osRelease(os));
  if (/^docker(\s|$)/.test(cmd)) {
    if (!docker) return notFound("docker");
    if (cmd === "docker --version" || cmd === "docker -v") return ok("Docker version 24.0.7, build afdd53b\n");
    if (cmd.startsWith("docker info")) return ok("Server Version: 24.0.7\nOperating System: " + os.pretty_name + "\n");
    return ok("");
  }
  if (cmd === "command -v docker" || cmd === "which docker") return docker ? ok("/usr/bin/docker\n") : { stdout: "", stderr: "", code: 1 };
  if (cmd === "uname" || cmd === "uname -s") return ok("Linux\n");
  if (cmd === "uname -m") return ok("x86_64\n");
  if (cmd === "uname -a") return ok(`Linux ${host.name} 5.15.0-1057-azure #65-Ubuntu SMP x86_64 GNU/Linux\n`);
  if (cmd === "whoami") return ok(`${host.username}\n`);
  if (cmd === "hostname") return ok(`${host.name}\n`);
  if (cmd === "nproc") return ok("4\n");
  if (cmd === "true") return ok("");
  if (cmd.startsWith("echo")) return ok(`${cmd.slice(4).trim().replace(/^["']|["']$/g, "")}\n`);
  return notFound(cmd.split(/\s+/)[0] ?? cmd);
}
