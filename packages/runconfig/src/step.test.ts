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
    const input = { compute: "dsvm", conda_file: "environment.yml" };
    expect(await isUpToDate(runConfigFileFor(ctx, input))).toBe(false);
    const first = await writeRunConfigStep(ctx, input);
    expect(first).toEqual({ outputs: { path: ".azureml/dsvm-run.runconfig" }, files: [".azureml/dsvm-run.runconfig"], changed: true });
    expect(logs).toEqual(['wrote .azureml/dsvm-run.runconfig (python on dsvm): load it with RunConfiguration.load(".azureml/dsvm-run.runconfig")']);
    const written = await stat(join(dir, ".azureml/dsvm-run.runconfig"));
    const second = await writeRunConfigStep(ctx, input);
    expect(second).toEqual({ outputs: { path: ".azureml/dsvm-run.runconfig" }, files: [], changed: false });
    expect((await stat(join(dir, ".azureml/dsvm-run.runconfig"))).mtimeMs).toBe(written.mtimeMs);
    const third = await writeRunConfigStep(ctx, { ...input, node_count: 2 });
    expect(third.changed).toBe(true);
    expect(await readFile(join(dir, ".azureml/dsvm-run.runconfig"), "utf8")).toContain("nodeCount: 2");
  });
});
