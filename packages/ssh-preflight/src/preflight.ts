import { connectSsh, type SshTarget } from "./connect.js";
import { SshPreflightCodes, SshPreflightError } from "./errors.js";
import { execCommand } from "./exec.js";
import { parseOsRelease, type OsRelease } from "./os-release.js";

export interface PreflightOptions {
  /** Fail unless `docker --version` works (a run configuration asks for Docker). */
  requireDocker?: boolean;
  /** Bounds the connection and each command. Defaults to 5000 ms. */
  timeoutMs?: number;
  /** The file read to identify the OS. Defaults to /etc/os-release. */
  osReleasePath?: string;
}

export interface PreflightResult {
  os: OsRelease;
  /** `docker --version` output, or undefined when Docker is not installed. */
  docker: string | undefined;
}

/**
 * Azure ML supports only Ubuntu machines as remote compute, and Docker runs need a Docker
 * engine there: check both, over a real SSH session, before anything is attached.
 */
export async function sshPreflight(target: SshTarget, options: PreflightOptions = {}): Promise<PreflightResult> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const where = target.display ?? `${target.host}:${target.port}`;
  const client = await connectSsh(target, timeoutMs);
  try {
    // Both commands go out at once on their own channels of the one connection (sshd allows
    // 10 sessions by default): the pre-flight sits on the attach's critical path, and this
    // saves a round trip. The OS is still judged first.
    const [release, dockerRun] = await Promise.all([
      execCommand(client, `cat ${shellQuote(options.osReleasePath ?? "/etc/os-release")}`, timeoutMs),
      execCommand(client, "docker --version", timeoutMs),
    ]);
    const os = parseOsRelease(release.code === 0 ? release.stdout : "");
    if (os.id !== "ubuntu") {
      throw new SshPreflightError(
        SshPreflightCodes.NOT_UBUNTU,
        `${where} runs ${os.prettyName ?? os.id}; Azure Machine Learning supports only Ubuntu on remote compute`,
        "attach an Ubuntu machine, e.g. the Data Science Virtual Machine for Linux (Ubuntu)",
      );
    }
    const docker = dockerRun.code === 0 ? dockerRun.stdout.trim() : undefined;
    if (options.requireDocker && docker === undefined) {
      throw new SshPreflightError(
        SshPreflightCodes.NO_DOCKER,
        `${where} has no working Docker engine (\`docker --version\` failed) and the run configuration asks for Docker`,
        "install Docker on the machine, or set docker.enabled: false and use a Conda or user-managed environment",
      );
    }
    return { os, docker };
  } finally {
    client.end();
  }
}

function shellQuote(value: string): string {
  return /^[\w./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
