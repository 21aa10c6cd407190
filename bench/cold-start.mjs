// Cold start of `computeflow validate` on a generated 1,000-step workflow, next to
// `node -e 0` on the same machine in the same run, and beside the floor under it (a process
// that only parses the same file with js-yaml, bench/yaml-floor.mjs), plus a check that
// validating loads no Azure SDK module. Prints figures only; asserts nothing.
//
//   node bench/cold-start.mjs [--runs 15] [--steps 1000] [--plugin amlcompute|fixture] [--file wf.yaml]
//
// The default plugin is the real amlcompute (built-in, loaded like any package);
// `--plugin fixture` uses the CLI tests' fixture plugin instead.
// `measureColdStart()` is what `npm run bench` (bench/scenarios/cold-start.js) calls.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const bin = join(root, "packages/cli/bin/computeflow.js");
const yamlFloor = join(here, "yaml-floor.mjs");
const fixturePlugin = join(root, "packages/cli/src/__fixtures__/node_modules/computeflow-plugin-fixture");

/** A workflow of `steps` steps: half clusters, half run configurations that reference one. */
export function generateWorkflow(steps = 1000, plugin = "amlcompute") {
  const uses = plugin === "fixture" ? "computeflow-plugin-fixture" : plugin;
  const lines = ["version: 1", `name: cold-start-${steps}`, "workspace:", "  subscription_id: 00000000-0000-0000-0000-000000000000", "  resource_group: bench-rg", "  name: bench-ws", "steps:"];
  const clusters = Math.ceil(steps / 2);
  for (let i = 0; i < steps; i++) {
    if (i < clusters) {
      lines.push(`  c${i}:`, `    uses: ${uses}`, "    action: provision", "    with:", "      vm_size: STANDARD_D2_V2", "      max_nodes: 2");
      if (i > 0 && i % 10 === 0) lines.splice(lines.length - 3, 0, `    needs: [c${i - 1}]`);
    } else {
      lines.push(`  r${i}:`, `    uses: ${uses}`, "    action: configure-run", "    with:", `      compute: \${{ steps.c${i - clusters}.outputs.name }}`, ...(plugin === "fixture" ? [] : ["      script: train.py"]));
    }
  }
  return `${lines.join("\n")}\n`;
}

function runOnce(args, env = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, NO_COLOR: "1", ...env }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (c) => (stderr += c));
    child.on("error", reject);
    child.on("close", (code) => resolve({ ms: performance.now() - started, code, stderr }));
  });
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (x) => Math.round(x * 10) / 10;
  return { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), min: round(sorted[0]), max: round(sorted[sorted.length - 1]) };
}

/** Which modules one `validate` loads; the Azure SDK ones should be none. */
async function loadedModules(file, workDir) {
  const out = join(workDir, "modules.txt");
  writeFileSync(out, "");
  const hooks = pathToFileURL(join(here, "cold-start-hooks.mjs")).href;
  await runOnce(["--import", hooks, bin, "validate", file], { COLD_START_MODULES: out });
  const urls = [...new Set(readFileSync(out, "utf8").split("\n").filter(Boolean))];
  const azure = [...new Set(urls.map((u) => /node_modules\/(@azure\/[^/]+|@azure-rest\/[^/]+)/.exec(u)?.[1]).filter(Boolean))];
  return { count: urls.length, azure };
}

/**
 * @param {{ file?: string, runs?: number, steps?: number, plugin?: string, log?: (m: string) => void }} options
 */
export async function measureColdStart(options = {}) {
  const runs = options.runs ?? 15;
  const workDir = join(root, "bench/results/cold-start.tmp");
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(join(workDir, "node_modules"), { recursive: true });
  try {
    symlinkSync(fixturePlugin, join(workDir, "node_modules/computeflow-plugin-fixture"), "dir");
    const file = options.file ?? join(workDir, "cold-start.yaml");
    const steps = options.steps ?? 1000;
    if (!options.file) writeFileSync(file, generateWorkflow(steps, options.plugin ?? "amlcompute"));

    const first = await runOnce([bin, "validate", file]);
    const validate = [];
    const baseline = [];
    const parseOnly = [];
    for (let i = 0; i < runs; i++) {
      baseline.push((await runOnce(["-e", "0"])).ms);
      validate.push((await runOnce([bin, "validate", file])).ms);
      parseOnly.push((await runOnce([yamlFloor, file])).ms);
    }
    const modules = await loadedModules(file, workDir);
    const result = {
      runs,
      steps: options.file ? undefined : steps,
      plugin: options.file ? undefined : options.plugin ?? "amlcompute",
      exitCode: first.code,
      validateMs: stats(validate),
      nodeMs: stats(baseline),
      yamlParseOnlyMs: stats(parseOnly),
      modulesLoaded: modules.count,
      azureModulesLoaded: modules.azure,
      cpus: cpus().length,
      node: process.version,
    };
    if (first.code !== 0) result.firstProblems = first.stderr.split("\n").slice(0, 5);
    return result;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** `computeflow --version` next to `node -e 0`, interleaved. */
export async function measureVersion(options = {}) {
  const runs = options.runs ?? 15;
  const version = [];
  const baseline = [];
  const first = await runOnce([bin, "--version"]);
  for (let i = 0; i < runs; i++) {
    baseline.push((await runOnce(["-e", "0"])).ms);
    version.push((await runOnce([bin, "--version"])).ms);
  }
  return { runs, exitCode: first.code, versionMs: stats(version), nodeMs: stats(baseline), cpus: cpus().length, node: process.version };
}

export default measureColdStart;

function flag(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const r = await measureColdStart({ runs: Number(flag("runs", "15")), steps: Number(flag("steps", "1000")), plugin: flag("plugin", "amlcompute"), file: flag("file", undefined) });
  const row = (label, s) => `${label.padEnd(34)} ${String(s.p50).padStart(8)} ${String(s.p95).padStart(8)} ${String(s.min).padStart(8)} ${String(s.max).padStart(8)}`;
  process.stdout.write(`cold start, ${r.runs} runs each, ${r.cpus} CPUs, Node ${r.node}\n`);
  process.stdout.write(`${"".padEnd(34)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"min".padStart(8)} ${"max".padStart(8)}\n`);
  process.stdout.write(`${row(`computeflow validate (${r.steps ?? "?"} steps)`, r.validateMs)}\n${row("node -e 0", r.nodeMs)}\n${row("js-yaml parseEvents only (floor)", r.yamlParseOnlyMs)}\n`);
  process.stdout.write(`validate exit code: ${r.exitCode}${r.firstProblems ? `\n  ${r.firstProblems.join("\n  ")}` : ""}\n`);
  process.stdout.write(`modules loaded by validate: ${r.modulesLoaded}; Azure SDK modules: ${r.azureModulesLoaded.length ? r.azureModulesLoaded.join(", ") : "none"}\n`);
  process.stdout.write(`target (issue 2): validate p50 under 300 ms -> ${r.validateMs.p50 < 300 ? "met" : "not met"} on this run\n`);
}
