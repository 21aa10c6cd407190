import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RequestLogEntry, RunningEmulator } from "@computeflow/emulator";

const bin = fileURLToPath(new URL("../../../bin/computeflow.js", import.meta.url));
const built = fileURLToPath(new URL("../../../dist/main.js", import.meta.url));

export interface CliProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves once stdout has a line for which `predicate` is true. */
  waitForLine(predicate: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** The real CLI (bin -> dist) as an asynchronous child process. */
export function startCli(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): CliProcess {
  if (!existsSync(built)) throw new Error("packages/cli/dist is missing: run `npm run build` first");
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST")));
  const env = { ...inherited, NO_COLOR: "1", CI: "1", GITHUB_ACTIONS: "", COMPUTEFLOW_DEBUG: "", ...options.env };
  const child = spawn(process.execPath, [bin, ...args], { cwd: options.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  const waiters: { predicate: (line: string) => boolean; resolve(line: string): void }[] = [];
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    const before = out;
    out += chunk;
    const fresh = (before.slice(before.lastIndexOf("\n") + 1) + chunk).split("\n").slice(0, -1);
    for (const line of fresh) for (const w of [...waiters]) if (w.predicate(line)) waiters.splice(waiters.indexOf(w), 1) && w.resolve(line);
  });
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout: out, stderr: err }));
  });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    done,
    waitForLine(predicate, timeoutMs = 20_000) {
      const existing = out.split("\n").slice(0, -1).find(predicate);
      if (existing !== undefined) return Promise.resolve(existing);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching line within ${timeoutMs} ms; stdout:\n${out}\nstderr:\n${err}`)), timeoutMs);
        waiters.push({ predicate, resolve: (line) => (clearTimeout(timer), resolve(line)) });
        void done.then(() => setTimeout(() => reject(new Error(`CLI exited before a matching line; stdout:\n${out}\nstderr:\n${err}`)), 50));
      });
    },
  };
}

export async function runCliTo(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
  return startCli(args, options).done;
}

/** CLI flags and environment that point a run at `emu`, with polling scaled to its clock. */
export function target(emu: RunningEmulator, dir: string, timeScale: number): { flags: string[]; env: NodeJS.ProcessEnv } {
  const ca = join(dir, "ca.pem");
  writeFileSync(ca, emu.caCert);
  return { flags: ["--emulator-endpoint", emu.endpoint, "--ca-cert", ca], env: { AZURE_SUBSCRIPTION_ID: "00000000-0000-0000-0000-000000000000", COMPUTEFLOW_TIME_SCALE: String(timeScale) } };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `cf-${prefix}-`));
}

export interface ClusterStep {
  id: string;
  maxNodes?: number;
  vmSize?: string;
  needs?: string[];
  password?: string;
}

/** A workflow of amlcompute clusters, optionally with a run configuration per cluster. */
export function clusterWorkflow(name: string, clusters: ClusterStep[], runConfigs: string[] = []): string {
  const lines = [
    "version: 1",
    `name: ${name}`,
    "workspace:",
    "  subscription_id: ${{ env.AZURE_SUBSCRIPTION_ID }}",
    "  resource_group: ml-rg",
    "  name: ml-ws",
    "steps:",
  ];
  for (const c of clusters) {
    lines.push(`  ${c.id}:`, "    uses: amlcompute", "    action: provision");
    if (c.needs?.length) lines.push(`    needs: [${c.needs.join(", ")}]`);
    lines.push("    with:", `      vm_size: ${c.vmSize ?? "STANDARD_D2_V2"}`, `      max_nodes: ${c.maxNodes ?? 1}`);
    if (c.password) lines.push("      admin_username: azureuser", `      admin_user_password: \${{ secrets.${c.password} }}`);
  }
  for (const id of runConfigs) {
    lines.push(`  ${id}-run:`, "    uses: amlcompute", "    action: configure-run", "    with:", `      compute: \${{ steps.${id}.outputs.name }}`, "      framework: python", "      script: train.py");
  }
  return `${lines.join("\n")}\n`;
}

/** NDJSON stdout -> events. */
export function events(stdout: string): Record<string, unknown>[] {
  return stdout
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Compute paths created more than once (the emulator marks a request that created a resource). */
export function duplicateCreates(log: RequestLogEntry[]): string[] {
  const counts = new Map<string, number>();
  for (const r of log) if (r.created) counts.set(r.path.split("?")[0]!, (counts.get(r.path.split("?")[0]!) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 1).map(([p]) => p);
}

export function createdComputes(log: RequestLogEntry[]): string[] {
  return log.filter((r) => r.created && r.path.includes("/computes/")).map((r) => r.path.split("?")[0]!.split("/").pop()!);
}

/** Every file under `dir` (journal, run configurations ...), as text. */
export function allFilesText(dir: string): string {
  let text = "";
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    text += statSync(path).isDirectory() ? allFilesText(path) : readFileSync(path, "utf8");
  }
  return text;
}
