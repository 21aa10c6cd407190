import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator } from "@computeflow/emulator";
import type { RunningEmulator } from "@computeflow/emulator";
import { load } from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import plugin from "./index.js";
import { outputsOf, runStep } from "@computeflow/compute-kit/testing";

let emulator: RunningEmulator;
const dir = mkdtempSync(join(tmpdir(), "amlcompute-runconfig-"));

beforeAll(async () => {
  emulator = await startEmulator({ timeScale: 0.02, ssh: false });
  outputsOf(await runStep(emulator, plugin, { id: "cpu-cluster", action: "provision" }, { vm_size: "STANDARD_D2_V2", max_nodes: 2 }));
});
afterAll(async () => emulator?.close());

const configure = (input: Record<string, unknown>) => runStep(emulator, plugin, { id: "train", action: "configure-run" }, input, { workflowDir: dir });

describe("amlcompute configure-run", () => {
  it("writes a v2 command job that targets the cluster", async () => {
    const run = await configure({ compute: "cpu-cluster", script: "train.py", node_count: 2, communicator: "OpenMpi", docker: { enabled: true }, conda_file: "environment.yml", max_run_duration_seconds: 600 });
    expect(run.plan.change).toBe("write");
    expect(outputsOf(run)).toEqual({ path: "jobs/train.yml", compute: "cpu-cluster" });
    const job = load(readFileSync(join(dir, "jobs/train.yml"), "utf8")) as Record<string, any>;
    expect(job).toMatchObject({
      type: "command",
      command: "python train.py",
      compute: "azureml:cpu-cluster",
      environment: { image: "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04", conda_file: "../environment.yml" },
      resources: { instance_count: 2 },
      distribution: { type: "mpi", process_count_per_instance: 1 },
      limits: { timeout: 600 },
    });
  });

  it("writes a .runconfig that targets the cluster with format: v1", async () => {
    const run = await configure({ compute: "cpu-cluster", format: "v1", node_count: 2, docker: { enabled: true }, conda_file: "environment.yml" });
    expect(run.plan.change).toBe("write");
    expect(outputsOf(run)).toEqual({ path: ".azureml/train.runconfig", compute: "cpu-cluster" });
    expect(run.result?.files).toEqual([".azureml/train.runconfig"]);
    const doc = load(readFileSync(join(dir, ".azureml/train.runconfig"), "utf8")) as Record<string, any>;
    expect(doc).toMatchObject({ target: "cpu-cluster", framework: "Python", nodeCount: 2 });
    expect(doc.environment.docker).toMatchObject({ enabled: true, baseImage: "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04" });
    expect(doc.environment.python.condaDependenciesFile).toBe("environment.yml");
  });

  it("refuses more nodes than the cluster can grow to, and a missing cluster", async () => {
    expect((await configure({ compute: "cpu-cluster", script: "t.py", node_count: 3 })).error).toMatchObject({ code: "E_INPUT", message: expect.stringContaining("max_nodes 2") });
    expect((await configure({ compute: "nope", script: "t.py" })).error).toMatchObject({ code: "E_NOT_FOUND" });
  });

  it("checks framework and Docker rules client-side", () => {
    const check = plugin.actions["configure-run"]!.check!;
    expect(check({ compute: "c", framework: "pyspark" }, {} as never)[0]).toMatchObject({ path: "/framework" });
    expect(check({ compute: "c", user_managed: true }, {} as never)[0]).toMatchObject({ path: "/user_managed", code: "E_RUN_CONFIG" });
    expect(check({ compute: "c", format: "v1", user_managed: true }, {} as never).map((p) => p.path)).toEqual(["/format", "/interpreter_path"]);
  });
});
