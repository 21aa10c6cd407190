/**
 * A real OpenSSH server for tests, owned by the test: a child process on a free loopback
 * port with its own host key, config and authorized_keys in a temp dir. Password logins
 * go through PAM, served by pam_wrapper's pam_matrix from a test passdb, so no system
 * user, password or service is touched.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface TestSshdOptions {
  /** Put a `docker` on the session PATH that answers `--version` like Docker 24. */
  withDocker?: boolean;
}

export interface TestSshd {
  host: string;
  port: number;
  username: string;
  password: string;
  privateKey: string;
  encryptedKey: string;
  passphrase: string;
  /** os-release files to point the OS check at. */
  osRelease: { ubuntu: string; centos: string };
  close(): Promise<void>;
}

export async function startTestSshd(options: TestSshdOptions = {}): Promise<TestSshd> {
  const sshd = findFirst(["/usr/sbin/sshd", "/usr/local/sbin/sshd"], "OpenSSH server (sshd); `npm test` installs openssh-server (scripts/test-prerequisites.sh)");
  const pamMatrix = findFirst(libCandidates("pam_wrapper/pam_matrix.so"), "pam_wrapper's pam_matrix.so; `npm test` installs libpam-wrapper (scripts/test-prerequisites.sh)");
  const dir = await mkdtemp(join(tmpdir(), "cf-sshd-"));
  const username = userInfo().username;
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  const passphrase = `pp-${Math.random().toString(36).slice(2)}`;
  await Promise.all([
    run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", join(dir, "host_key")]),
    run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", join(dir, "user_key")]),
    run("ssh-keygen", ["-q", "-t", "ed25519", "-N", passphrase, "-f", join(dir, "user_key_enc")]),
  ]);
  const keys = await Promise.all(["user_key.pub", "user_key_enc.pub"].map((f) => readFile(join(dir, f), "utf8")));
  await writeFile(join(dir, "authorized_keys"), keys.join(""), { mode: 0o600 });
  await writeFile(join(dir, "passdb"), `${username}:${password}:sshd\n`, { mode: 0o600 });
  await mkdir(join(dir, "pam"));
  const pamLines = ["auth", "account", "password", "session"].map((t) => `${t} required ${pamMatrix} passdb=${join(dir, "passdb")}\n`);
  await writeFile(join(dir, "pam", "sshd"), pamLines.join(""));
  await writeSessionBin(join(dir, "bin"), options.withDocker === true);
  const osRelease = { ubuntu: join(dir, "os-release-ubuntu"), centos: join(dir, "os-release-centos") };
  await writeFile(osRelease.ubuntu, 'NAME="Ubuntu"\nID=ubuntu\nVERSION_ID="20.04"\nPRETTY_NAME="Ubuntu 20.04.6 LTS"\n');
  await writeFile(osRelease.centos, 'NAME="CentOS Linux"\nID="centos"\nID_LIKE="rhel fedora"\nVERSION_ID="7"\nPRETTY_NAME="CentOS Linux 7 (Core)"\n');
  const port = await freePort();
  await writeFile(join(dir, "sshd_config"), config(dir, port, username));
  if (process.getuid?.() === 0 && !existsSync("/run/sshd")) await mkdir("/run/sshd", { recursive: true, mode: 0o755 });
  const child = spawn(sshd, ["-D", "-e", "-f", join(dir, "sshd_config")], {
    env: { ...process.env, LD_PRELOAD: "libpam_wrapper.so", PAM_WRAPPER: "1", PAM_WRAPPER_SERVICE_DIR: join(dir, "pam") },
    stdio: ["ignore", "ignore", "pipe"],
  });
  await listening(child);
  return {
    host: "127.0.0.1",
    port,
    username,
    password,
    passphrase,
    privateKey: await readFile(join(dir, "user_key"), "utf8"),
    encryptedKey: await readFile(join(dir, "user_key_enc"), "utf8"),
    osRelease,
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function config(dir: string, port: number, username: string): string {
  return [
    `Port ${port}`,
    "ListenAddress 127.0.0.1",
    `HostKey ${join(dir, "host_key")}`,
    `PidFile ${join(dir, "sshd.pid")}`,
    `AuthorizedKeysFile ${join(dir, "authorized_keys")}`,
    `AllowUsers ${username}`,
    "StrictModes no",
    "PermitRootLogin yes",
    "PasswordAuthentication yes",
    "KbdInteractiveAuthentication no",
    "UsePAM yes",
    `SetEnv PATH=${join(dir, "bin")}`,
    "",
  ].join("\n");
}

/** The session PATH holds only `cat` (and `docker` if asked), whatever the host has installed. */
async function writeSessionBin(bin: string, withDocker: boolean): Promise<void> {
  await mkdir(bin);
  await symlink(findFirst(["/usr/bin/cat", "/bin/cat"], "cat"), join(bin, "cat"));
  if (withDocker) {
    await writeFile(join(bin, "docker"), '#!/bin/sh\necho "Docker version 24.0.7, build afdd53b"\n');
    await chmod(join(bin, "docker"), 0o755);
  }
}

function libCandidates(file: string): string[] {
  const roots = ["/usr/lib", "/usr/lib64", "/usr/local/lib"];
  const multiarch = existsSync("/usr/lib") ? readdirSync("/usr/lib").filter((d) => d.endsWith("-linux-gnu")).map((d) => `/usr/lib/${d}`) : [];
  return [...multiarch, ...roots].map((root) => join(root, file));
}

function findFirst(candidates: string[], what: string): string {
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`test sshd needs ${what}; not found`);
  return found;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function listening(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = "";
    const timer = setTimeout(() => reject(new Error(`sshd did not start: ${log}`)), 5000);
    child.stderr?.on("data", (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes("Server listening on")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`sshd exited with ${code}: ${log}`));
    });
  });
}
