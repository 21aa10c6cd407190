import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runWorkflow } from "@computeflow/core/testing";

const RG = "/subscriptions/${{ env.AZURE_SUBSCRIPTION_ID }}/resourceGroups/ml-rg/providers";

async function workflow(steps: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "dup-"));
  const file = join(dir, "wf.yaml");
  await writeFile(file, `version: 1\nname: dup\nworkspace: { subscription_id: "\${{ env.AZURE_SUBSCRIPTION_ID }}", resource_group: ml-rg, name: ml-ws }\nsteps:\n${steps}`);
  return file;
}

// Nothing listens on this endpoint: a file refused at validate time never reaches Azure.
const nowhere = { endpoint: "https://127.0.0.1:9", caCert: "", env: { AML_VM_PASSWORD: "pw-1" } };

describe("validate-time duplicate-attachment guard (core compares ActionSpec.attachedResource across steps)", () => {
  it("refuses two steps attaching the same VM, however the id is spelled", async () => {
    const file = await workflow(`  vm-a:
    uses: remote-vm
    action: attach
    with: { resource_id: "${RG}/Microsoft.Compute/virtualMachines/dsvm", username: azureuser, password: "\${{ secrets.AML_VM_PASSWORD }}" }
  vm-b:
    uses: remote-vm
    action: attach
    with: { resource_id: "${RG.replace("resourceGroups", "resourcegroups")}/microsoft.compute/virtualMachines/DSVM/", username: azureuser, password: "\${{ secrets.AML_VM_PASSWORD }}" }
`);
    await expect(runWorkflow(file, nowhere)).rejects.toThrow(/error\[E_DUPLICATE_ATTACHMENT\]/);
  });

  it("refuses two Batch steps naming one account by name and by id", async () => {
    const file = await workflow(`  batch-a:
    uses: batch
    action: attach
    with: { resource_group: ml-rg, account_name: mlbatch }
  batch-b:
    uses: batch
    action: attach
    with: { resource_id: "${RG}/Microsoft.Batch/batchAccounts/mlbatch" }
`);
    await expect(runWorkflow(file, nowhere)).rejects.toThrow(/error\[E_DUPLICATE_ATTACHMENT\]/);
  });
});
