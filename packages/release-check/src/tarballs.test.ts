import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, npmPack, publishablePackages, repoRoot, run, type Ran } from "./workspace-packages.js";

// A project outside the monorepo that installs computeflow from its packed tarballs, as a
// user would from the registry: no lock file, so every dependency range resolves for the
// Node running this test (CI runs it on the machine's Node and on Node 24).
const WORKFLOW = `version: 1
name: from-tarballs
workspace:
  subscription_id: 00000000-0000-0000-0000-000000000000
  resource_group: ml-rg
  name: ml-ws
steps:
  cpu-cluster:
    uses: amlcompute
    action: provision
    with: { vm_size: STANDARD_D2_V2, max_nodes: 2 }
  hello-cluster:
    uses: ./plugins/hello/index.js
    action: provision
    with: { greeting: hi from a tarball install, max_nodes: 1 }
  cpu-run:
    uses: local
    action: configure-run
    with:
      conda_file: environment.yml
      script: train.py
      environment_variables:
        CLUSTERS: \${{ steps.cpu-cluster.outputs.name }},\${{ steps.hello-cluster.outputs.name }}
`;

// What the README tells users to declare: ssh2 falls back to pure JavaScript without its optional native build.
const allowScripts = { ssh2: false, "cpu-features": false };

let work: string;
let project: string;
let install: Ran;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "cf-tarballs-"));
  const tarballs = join(work, "tarballs");
  project = join(work, "project");
  await mkdir(tarballs);
  await mkdir(join(project, "plugins", "hello"), { recursive: true });
  const packed = await npmPack(publishablePackages(), tarballs);
  const devDependencies = Object.fromEntries(packed.map((p) => [p.name, `file:../tarballs/${p.filename}`]));
  await writeFile(join(project, "package.json"), JSON.stringify({ name: "tarball-user", private: true, type: "module", devDependencies, allowScripts }, null, 2));
  const example = join(repoRoot, "examples/third-party-plugin");
  for (const file of (await readdir(join(example, "src"))).filter((f) => f.endsWith(".js") && !f.endsWith(".test.js"))) {
    await copyFile(join(example, "src", file), join(project, "plugins", "hello", file));
  }
  await copyFile(join(example, "environment.yml"), join(project, "environment.yml"));
  await writeFile(join(project, "workflow.yaml"), WORKFLOW);
  install = await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"], { cwd: project, env: cleanEnv() });
}, 600_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const npx = (args: string[]) => run("npx", ["--no-install", "computeflow", ...args], { cwd: project, env: cleanEnv({ CI: "true" }) });

describe("computeflow installed from its packed tarballs, outside the monorepo", () => {
  it("is a project outside the repository", () => {
    expect(relative(repoRoot, project).startsWith("..")).toBe(true);
  });

  it("installs with no engine warning and one copy of core", async () => {
    const warnings = install.stderr.split("\n").filter((line) => /EBADENGINE|ERESOLVE|peer dep|install-scripts/i.test(line));
    expect(warnings).toEqual([]);
    expect(install.code).toBe(0);
    const nested = await findNested(join(project, "node_modules"), "@computeflow/core");
    expect(nested).toEqual([]);
  });

  it("`npx computeflow validate` accepts a workflow with a built-in and a local third-party plugin", async () => {
    const result = await npx(["validate", "workflow.yaml"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("`npx computeflow run --emulator` runs it green and writes the job file", async () => {
    const result = await npx(["run", "workflow.yaml", "--emulator", "--json"]);
    expect(result.code).toBe(0);
    const events = result.stdout.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const step of ["cpu-cluster", "hello-cluster", "cpu-run"]) {
      expect(events.find((e) => e.type === "step_finished" && e.step === step)).toMatchObject({ status: "succeeded" });
    }
    expect(events.find((e) => e.type === "step_started" && e.step === "hello-cluster")).toMatchObject({ uses: "./plugins/hello/index.js" });
    expect(events.at(-1)).toMatchObject({ type: "run_finished", status: "succeeded" });
    const written = events.find((e) => e.type === "step_finished" && e.step === "cpu-run") as { outputs: { path: string } };
    expect(await readFile(join(project, written.outputs.path), "utf8")).toContain("cpu-cluster,hello-cluster");
  });
});

/** Copies of `name` installed below some other package (a second core would split the plugin registry). */
async function findNested(nodeModules: string, name: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      if (!entry.isDirectory()) continue;
      const path = join(dir, entry.name);
      if (entry.name === "node_modules") {
        if (await readdir(join(path, name)).catch(() => null)) found.push(relative(nodeModules, join(path, name)));
        await walk(path, depth + 1);
      } else if (depth < 6) await walk(path, depth + 1);
    }
  };
  await walk(nodeModules, 0);
  return found;
}
