import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { tempProject } from "./__fixtures__/hostile/temp-project.js";
import { azurePackages, moduleTrace } from "./__fixtures__/module-trace.js";
import { cliDir, runCli } from "./__fixtures__/run-cli.js";

// `validate` sits in editors' save hooks and pre-commit hooks: it must not load the Azure SDK,
// which only plan, run and destroy use (a plugin's or kit's top-level SDK import once slipped
// in and was caught only by the benchmark).
const traceDir = mkdtempSync(join(tmpdir(), "computeflow-trace-"));
const examples = join(cliDir, "../../examples");
const header = ["version: 1", "name: every-plugin", "workspace: { subscription_id: 00000000-0000-0000-0000-000000000000, resource_group: ml-rg, name: ml-ws }", "steps:"];
const project = tempProject({
  "others.yaml": `${[
    ...header,
    "  k8s:",
    "    uses: kubernetes",
    "    action: attach",
    "    with: { resource_id: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1 }",
    "  aci:",
    "    uses: aci",
    "    action: provision",
  ].join("\n")}\n`,
});
afterAll(() => {
  project.remove();
  rmSync(traceDir, { recursive: true, force: true });
});

/** Every module `node [preload] ARGS` loaded, from packages/cli. */
function traced(name: string, args: string[]): Promise<string[]> {
  const trace = moduleTrace(traceDir, join(traceDir, `${name}.log`));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [trace.nodeOptions, ...args], { cwd: cliDir, env: { ...process.env, NO_COLOR: "1" }, stdio: "ignore" });
    child.on("error", reject);
    child.on("close", () => resolve(trace.loaded()));
  });
}

describe("validate loads no Azure SDK module", () => {
  const files = [...readdirSync(examples).filter((f) => f.endsWith(".yaml")).map((f) => join(examples, f)), project.path("others.yaml")];

  it("with every built-in plugin in use, its checks run", { timeout: 120_000 }, async () => {
    const run = await runCli(["validate", ...files]);
    // Warnings and a few errors (missing secrets, files) are fine: what matters is that every plugin loaded and checked.
    expect(run.stderr).not.toMatch(/E_UNKNOWN_PLUGIN|E_PLUGIN\b|E_PLUGIN_LOAD|Error:/);
    const loaded = await traced("validate", ["bin/computeflow.js", "validate", ...files]);
    for (const plugin of ["amlcompute", "instance", "aks", "kubernetes", "remote-vm", "hdinsight", "batch", "databricks", "adla", "local", "aci"]) {
      expect(loaded.some((u) => u.includes(`/plugin-${plugin}/`)), `plugin-${plugin} loaded`).toBe(true);
    }
    expect(azurePackages(loaded)).toEqual([]);
    // ssh2 (~100 ms to load) is for the SSH pre-flight and key reading of plan and run.
    expect(loaded.filter((u) => /node_modules[\\/]ssh2[\\/]/.test(u))).toEqual([]);
  });

  it("the trace sees an Azure SDK module when one is loaded", { timeout: 60_000 }, async () => {
    const loaded = await traced("control", ["--input-type=module", "-e", 'await import("@azure/core-rest-pipeline");']);
    expect(azurePackages(loaded)).toContain("@azure/core-rest-pipeline");
  });
});
