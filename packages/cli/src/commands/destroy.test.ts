import { existsSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { AzureMachineLearningWorkspaces } from "@azure/arm-machinelearningservices";
import { startEmulator, type RunningEmulator } from "@computeflow/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clusterWorkflow, events, runCliTo, target, tempDir } from "./__fixtures__/engine-e2e.js";

const SCALE = 0.05;
let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ timeScale: SCALE });
});
afterAll(() => emu.close());

async function computes(): Promise<string[]> {
  const client = new AzureMachineLearningWorkspaces({ getToken: async () => ({ token: "t", expiresOnTimestamp: Date.now() + 3_600_000 }) }, "00000000-0000-0000-0000-000000000000", { endpoint: emu.endpoint, tlsOptions: { ca: emu.caCert } } as never);
  const names: string[] = [];
  for await (const c of client.computeOperations.list("ml-rg", "ml-ws")) names.push(`${c.name}:${c.properties?.computeType}`);
  return names.sort();
}

describe("computeflow destroy (real CLI against the emulator)", () => {
  it("deletes what it provisioned and detaches what it attached, in reverse order, leaving the workspace as it was, and removes the run configurations; without the secrets only attach needed", async () => {
    const dir = tempDir("destroy");
    const { flags, env } = target(emu, dir, SCALE);
    writeFileSync(join(dir, "train.py"), "\n");
    const vm = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ml-rg/providers/Microsoft.Compute/virtualMachines/dsvm";
    const attach = ["  ds-vm:", "    uses: remote-vm", "    action: attach", "    with:", `      resource_id: ${vm}`, "      username: azureuser", "      password: ${{ secrets.AML_VM_PASSWORD }}", ""].join("\n");
    writeFileSync(join(dir, "wf.yaml"), clusterWorkflow("destroy", [{ id: "ds-a" }, { id: "ds-b", needs: ["ds-a"] }], ["ds-b"]) + attach);
    const runEnv = { ...env, AML_VM_PASSWORD: emu.demoSecrets.AML_VM_PASSWORD ?? "" };
    const before = await computes();
    const run = await runCliTo(["run", "wf.yaml", ...flags], { cwd: dir, env: runEnv });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(await computes()).toEqual([...before, "ds-a:AmlCompute", "ds-b:AmlCompute", "ds-vm:VirtualMachine"].sort());
    // A second run (all no-ops) is the last run destroy reads; the file it kept still goes.
    const rerun = await runCliTo(["run", "wf.yaml", "--json", ...flags], { cwd: dir, env: runEnv });
    const written = events(rerun.stdout).find((e) => e.type === "step_finished" && e.step === "ds-b-run") as { status: string; outputs: { path: string } };
    expect(written.status).toBe("noop");
    expect(existsSync(join(dir, written.outputs.path))).toBe(true);

    // No AML_VM_PASSWORD: detaching needs no password.
    const destroyed = await runCliTo(["destroy", "wf.yaml", ...flags], { cwd: dir, env });
    expect(destroyed.code, destroyed.stdout + destroyed.stderr).toBe(0);
    expect(await computes()).toEqual(before);
    const deletes = emu.requests().filter((r) => r.method === "DELETE");
    const order = deletes.map((r) => r.path.split("?")[0]!.split("/").pop());
    expect(order.indexOf("ds-b")).toBeLessThan(order.indexOf("ds-a"));
    expect(deletes.find((r) => r.path.includes("/computes/ds-vm"))?.path).toContain("underlyingResourceAction=Detach");
    expect(deletes.find((r) => r.path.includes("/computes/ds-a"))?.path).toContain("underlyingResourceAction=Delete");
    expect(deletes.some((r) => r.path.includes("virtualMachines/dsvm"))).toBe(false);
    // The run configuration named a compute that is gone: it is removed, with its emptied folder.
    expect(existsSync(join(dir, written.outputs.path))).toBe(false);
    expect(existsSync(dirname(join(dir, written.outputs.path)))).toBe(false);
    expect(destroyed.stdout).toContain(`removed ${written.outputs.path}`);

    const again = await runCliTo(["destroy", "wf.yaml", ...flags], { cwd: dir, env });
    expect(again.code, again.stdout + again.stderr).toBe(0);
  }, 120_000);
});
