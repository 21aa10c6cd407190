import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { createStepContext } from "@computeflow/core/testing";
import plugin from "./index.js";

async function context(withValue: Record<string, unknown>, workflowDir: string) {
  return createStepContext({ endpoint: "https://127.0.0.1:9", caCert: "", step: { id: "notebook-run", uses: "instance", action: "configure-run" }, with: withValue, workflowDir }).ctx;
}

describe("instance configure-run", () => {
  it("writes a v2 command job that targets the instance, then plans a no-op", async () => {
    const dir = await mkdtemp(join(tmpdir(), "instance-run-"));
    const ctx = await context({ compute: "nb-1", script: "train.py", environment: "azureml:AzureML-sklearn-1.5@latest", display_name: "notebook" }, dir);
    expect(await plugin.actions["configure-run"].plan!(ctx)).toMatchObject({ change: "write", summary: "write jobs/notebook-run.yml for nb-1" });
    expect(await plugin.actions["configure-run"].apply(ctx)).toMatchObject({ outputs: { path: "jobs/notebook-run.yml" }, changed: true });
    expect(load(await readFile(join(dir, "jobs/notebook-run.yml"), "utf8"))).toEqual({
      $schema: "https://azuremlschemas.azureedge.net/latest/commandJob.schema.json",
      type: "command",
      code: "..",
      command: "python train.py",
      environment: "azureml:AzureML-sklearn-1.5@latest",
      compute: "azureml:nb-1",
      resources: { instance_count: 1 },
      display_name: "notebook",
    });
    expect(await plugin.actions["configure-run"].plan!(ctx)).toMatchObject({ change: "noop" });
  });

  it("refuses several nodes: an instance is one", () => {
    const problems = plugin.actions["configure-run"].check!({ compute: "nb-1", script: "t.py", node_count: 2 } as never, {} as never);
    expect(problems).toEqual([expect.objectContaining({ path: "/node_count", message: "a compute instance is one node" })]);
  });
});
