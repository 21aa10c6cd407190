import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { AzureMachineLearningWorkspaces } from "@azure/arm-machinelearningservices";
import { startEmulator, type RunningEmulator } from "@computeflow/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clusterWorkflow, runCliTo, target, tempDir } from "./__fixtures__/engine-e2e.js";

const SCALE = 0.05;
let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ timeScale: SCALE, ssh: false });
});
afterAll(() => emu.close());

async function computes(): Promise<string[]> {
  const client = new AzureMachineLearningWorkspaces({ getToken: async () => ({ token: "t", expiresOnTimestamp: Date.now() + 3_600_000 }) }, "00000000-0000-0000-0000-000000000000", { endpoint: emu.endpoint, tlsOptions: { ca: emu.caCert } } as never);
  const names: string[] = [];
  for await (const c of client.computeOperations.list("ml-rg", "ml-ws")) names.push(`${c.name}:${c.properties?.computeType}`);
  return names.sort();
}

describe("computeflow destroy (real CLI against the emulator)", () => {
  it("deletes what the workflow provisioned, in reverse order, and leaves the workspace as it was", async () => {
    const dir = tempDir("destroy");
    const { flags, env } = target(emu, dir, SCALE);
    writeFileSync(join(dir, "train.py"), "\n");
    writeFileSync(join(dir, "wf.yaml"), clusterWorkflow("destroy", [{ id: "ds-a" }, { id: "ds-b", needs: ["ds-a"] }], ["ds-b"]));
    const before = await computes();
    expect((await runCliTo(["run", "wf.yaml", ...flags], { cwd: dir, env })).code).toBe(0);
    expect(await computes()).toEqual([...before, "ds-a:AmlCompute", "ds-b:AmlCompute"].sort());

    const destroyed = await runCliTo(["destroy", "wf.yaml", ...flags], { cwd: dir, env });
    expect(destroyed.code).toBe(0);
    expect(await computes()).toEqual(before);
    const deletes = emu.requests().filter((r) => r.method === "DELETE").map((r) => r.path.split("?")[0]!.split("/").pop());
    expect(deletes.indexOf("ds-b")).toBeLessThan(deletes.indexOf("ds-a"));

    const again = await runCliTo(["destroy", "wf.yaml", ...flags], { cwd: dir, env });
    expect(again.code).toBe(0);
  });
});
