import { mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isUpToDate, runConfigFileFor, writeRunConfigStep } from "./step.js";

describe("writeRunConfigStep", () => {
  it("writes once, logs how to load the file, and changes nothing when re-run with the same input", async () => {
    const dir = await mkdtemp(join(tmpdir(), "step-"));
    const logs: string[] = [];
    const ctx = { workflowDir: dir, step: { id: "dsvm-run" }, log: { info: (m: string) => logs.push(m) } };
    const input = { compute: "dsvm", conda_file: "environment.yml", format: "v1" as const };
    expect(await isUpToDate(runConfigFileFor(ctx, input))).toBe(false);
    const first = await writeRunConfigStep(ctx, input);
    expect(first).toEqual({ outputs: { path: ".azureml/dsvm-run.runconfig" }, files: [".azureml/dsvm-run.runconfig"], changed: true });
    expect(logs).toEqual(['wrote .azureml/dsvm-run.runconfig (python on dsvm): load it with RunConfiguration.load(".azureml/dsvm-run.runconfig")']);
    const written = await stat(join(dir, ".azureml/dsvm-run.runconfig"));
    const second = await writeRunConfigStep(ctx, input);
    expect(second).toEqual({ outputs: { path: ".azureml/dsvm-run.runconfig" }, files: [".azureml/dsvm-run.runconfig"], changed: false });
    expect((await stat(join(dir, ".azureml/dsvm-run.runconfig"))).mtimeMs).toBe(written.mtimeMs);
    const third = await writeRunConfigStep(ctx, { ...input, node_count: 2 });
    expect(third.changed).toBe(true);
    expect(await readFile(join(dir, ".azureml/dsvm-run.runconfig"), "utf8")).toContain("nodeCount: 2");
  });

  it("writes a v2 command job to jobs/<step>.yml by default, and a Kubernetes job names the default instance type", async () => {
    const dir = await mkdtemp(join(tmpdir(), "step-"));
    const logs: string[] = [];
    const ctx = { workflowDir: dir, step: { id: "train" }, log: { info: (m: string) => logs.push(m) } };
    const first = await writeRunConfigStep(ctx, { compute: "cpu", script: "train.py" });
    expect(first).toEqual({ outputs: { path: "jobs/train.yml" }, files: ["jobs/train.yml"], changed: true });
    expect(logs).toEqual(["wrote jobs/train.yml (v2 command job on cpu): submit it with az ml job create -f jobs/train.yml"]);
    expect(await readFile(join(dir, "jobs/train.yml"), "utf8")).toContain("compute: azureml:cpu");
    expect((await writeRunConfigStep(ctx, { compute: "cpu", script: "train.py" })).changed).toBe(false);
    const k8s = runConfigFileFor(ctx, { compute: "k8s", script: "train.py", path: "k8s.yml" }, { kubernetes: true });
    expect(k8s.file.path).toBe("k8s.yml");
    expect(k8s.content).toContain("instance_type: defaultinstancetype");
    const hdi = runConfigFileFor(ctx, { compute: "hdi", framework: "pyspark" }, { v1Only: "HDInsight" });
    expect(hdi.file.path).toBe(".azureml/train.runconfig");
  });
});
