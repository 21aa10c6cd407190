import { spawn } from "node:child_process";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));

export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  license?: string;
  repository?: { type?: string; url?: string; directory?: string };
  engines?: { node?: string };
  types?: string;
  files?: string[];
  exports?: Record<string, unknown>;
  bin?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

export interface WorkspacePackage {
  /** Path relative to the repository root, e.g. `packages/core`. */
  dir: string;
  manifest: Manifest;
}

export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(repoRoot, dir, "package.json"), "utf8")) as Manifest;
}

/** Every package under packages/ that npm would publish (not `private`). */
export function publishablePackages(): WorkspacePackage[] {
  return readdirSync(join(repoRoot, "packages"))
    .map((name) => `packages/${name}`)
    .filter((dir) => existsSync(join(repoRoot, dir, "package.json")))
    .map((dir) => ({ dir, manifest: readManifest(dir) }))
    .filter((pkg) => !pkg.manifest.private);
}

export interface PackResult {
  name: string;
  filename: string;
  files: { path: string }[];
}

/** `npm pack` of the given workspace packages (`--dry-run` unless a destination is given). */
export async function npmPack(packages: WorkspacePackage[], destination?: string): Promise<PackResult[]> {
  const args = ["pack", "--json", "--ignore-scripts", ...packages.map((p) => `--workspace=${p.dir}`)];
  args.push(...(destination ? ["--pack-destination", destination] : ["--dry-run"]));
  const { code, stdout, stderr } = await run("npm", args, { cwd: repoRoot, env: cleanEnv() });
  if (code !== 0) throw new Error(`npm ${args.join(" ")} exited with ${code}: ${stderr}`);
  return JSON.parse(stdout) as PackResult[];
}

/** The environment without what `npm test` and vitest set, so a child npm sees a plain shell. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|NX_|VITEST|INIT_CWD$|NODE_OPTIONS$|NODE_ENV$)/i.test(key)) continue;
    env[key] = value;
  }
  return { ...env, NO_COLOR: "1", ...extra };
}

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command asynchronously (an in-process emulator must keep its event loop) and collects its output. */
export function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
