import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { startEmulator, type RequestLogEntry, type RunningEmulator } from "@computeflow/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, runCliTo, target, tempDir } from "./__fixtures__/engine-e2e.js";

const SCALE = 0.02;
const examples = fileURLToPath(new URL("../../../../examples", import.meta.url));
/** Every example with at least one step that talks to Azure (local-run has none). */
const azureExamples = readdirSync(examples).filter((f) => f.endsWith(".yaml") && /^steps:/m.test(readFileSync(join(examples, f), "utf8")) && !/^\s+uses: local\s*$/m.test(readFileSync(join(examples, f), "utf8")));

/** Workflows for plugins no example uses, written beside the examples (the name is the file's, as for examples). */
const extraWorkflows: Record<string, string> = {
  "k8s-attach.yaml": [
    "version: 1",
    "name: k8s-attach",
    "workspace:",
    "  subscription_id: ${{ env.AZURE_SUBSCRIPTION_ID }}",
    "  resource_group: ml-rg",
    "  name: ml-ws",
    "steps:",
    "  k8s:",
    "    uses: kubernetes",
    "    action: attach",
    "    with:",
    "      resource_id: /subscriptions/${{ env.AZURE_SUBSCRIPTION_ID }}/resourceGroups/ml-rg/providers/Microsoft.ContainerService/managedClusters/aks-prod",
    "      namespace: training",
    "  train:",
    "    uses: kubernetes",
    "    action: configure-run",
    "    with:",
    "      compute: ${{ steps.k8s.outputs.name }}",
    "      script: train.py",
    "      instance_type: gpu-small",
    "",
  ].join("\n"),
};

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ timeScale: SCALE });
});
afterAll(() => emu.close());

/** What a run leaves: compute PUT bodies by compute name, step outputs, files written beside the workflow. */
interface RunResult {
  code: number | null;
  bodies: Record<string, unknown>;
  outputs: Record<string, unknown>;
  files: Record<string, string>;
  log: RequestLogEntry[];
  stderr: string;
}

function filesUnder(dir: string, root = dir): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (entry === ".computeflow" || entry === "ca.pem") continue;
    if (statSync(path).isDirectory()) Object.assign(out, filesUnder(path, root));
    else out[relative(root, path)] = readFileSync(path, "utf8");
  }
  return out;
}

async function runExample(example: string, engineArgs: string[], dir = tempDir("arm-eq")): Promise<RunResult & { dir: string }> {
  if (!existsSync(join(dir, example))) {
    cpSync(examples, dir, { recursive: true });
    for (const [name, text] of Object.entries(extraWorkflows)) writeFileSync(join(dir, name), text);
  }
  const before = filesUnder(dir);
  const { flags, env } = target(emu, dir, SCALE);
  const result = await runCliTo(["run", example, "--json", ...engineArgs, ...flags], { cwd: dir, env: { ...env, ...emu.demoSecrets } });
  const log = emu.requests();
  const puts = log.filter((r) => r.operation === "computes.createOrUpdate" && r.status < 400);
  const bodies = Object.fromEntries(puts.map((r) => [r.path.split("?")[0]!.split("/").pop()!, r.body]));
  const outputs = Object.fromEntries(events(result.stdout).filter((e) => e.type === "step_finished").map((e) => [e.step, e.outputs]));
  const files = Object.fromEntries(Object.entries(filesUnder(dir)).filter(([k, v]) => before[k] !== v));
  return { code: result.code, bodies, outputs, files, log, stderr: result.stderr, dir };
}

describe("run --engine arm ends in the same state as run (every example with Azure steps)", () => {
  it("has examples to compare", () => {
    expect(azureExamples).toEqual(expect.arrayContaining(["amlcompute.yaml", "instance.yaml", "seed-walkthrough.yaml", "first-workflow.yaml"]));
  });

  it.each([...azureExamples, ...Object.keys(extraWorkflows)])("%s: same ARM bodies, outputs and local files; then plan is a no-op and a second run submits nothing", async (example) => {
    emu.reset();
    const local = await runExample(example, []);
    expect(local.code, local.stderr).toBe(0);
    expect(local.log.some((r) => r.via !== undefined)).toBe(false);
    emu.reset();
    const arm = await runExample(example, ["--engine", "arm"]);
    expect(arm.code, arm.stderr).toBe(0);

    // the computes were created by the deployment, not by client PUTs, with the bodies `run` sends
    const deployed = arm.log.filter((r) => r.operation === "computes.createOrUpdate");
    expect(deployed.length).toBeGreaterThan(0);
    expect(deployed.every((r) => r.via === `deployment:computeflow-${example.replace(/\.yaml$/, "")}`)).toBe(true);
    expect(arm.log.filter((r) => r.operation === "deployments.createOrUpdate" && r.status < 300)).toHaveLength(1);
    expect(arm.bodies).toEqual(local.bodies);
    expect(arm.outputs).toEqual(local.outputs);
    expect(arm.files).toEqual(local.files);

    // a second look changes nothing: what-if says NoChange, and a second run sends no deployment
    const { flags, env } = target(emu, arm.dir, SCALE);
    const plan = await runCliTo(["plan", example, "--json", "--engine", "arm", ...flags], { cwd: arm.dir, env: { ...env, ...emu.demoSecrets } });
    expect(plan.code, plan.stderr).toBe(0);
    const armSteps = Object.keys(local.bodies).length;
    const planned = events(plan.stdout).filter((e) => e.type === "step_planned" && String(e.summary).startsWith("what-if"));
    expect(planned).toHaveLength(armSteps);
    expect(planned.map((e) => e.change)).toEqual(planned.map(() => "noop"));
    const again = await runExample(example, ["--engine", "arm"], arm.dir);
    expect(again.code, again.stderr).toBe(0);
    expect(again.log.filter((r) => r.operation === "deployments.createOrUpdate")).toHaveLength(1);
    expect(again.log.filter((r) => r.operation === "computes.createOrUpdate")).toHaveLength(deployed.length);
  }, 120_000);
});
