import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator, type RunningEmulator } from "@computeflow/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runWorkflow } from "./run-workflow.js";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ timeScale: 0.02, ssh: false });
});
afterAll(() => emu.close());

const workflow = (maxNodes: number) => `version: 1
name: testing-kit
workspace:
  subscription_id: \${{ env.AZURE_SUBSCRIPTION_ID }}
  resource_group: ml-rg
  name: ml-ws
steps:
  kit-a:
    uses: amlcompute
    action: provision
    with: { vm_size: STANDARD_D2_V2, max_nodes: ${maxNodes} }
  kit-b:
    uses: amlcompute
    action: provision
    needs: [kit-a]
    with: { vm_size: STANDARD_D2_V2, max_nodes: 1 }
`;

describe("runWorkflow", () => {
  it("runs a workflow file through the real engine: create, then no-op, then update, then destroy", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cf-kit-"));
    const file = join(dir, "wf.yaml");
    writeFileSync(file, workflow(2));
    const opts = { endpoint: emu.endpoint, caCert: emu.caCert };
    const first = await runWorkflow(file, opts);
    expect(first.status).toBe("succeeded");
    expect(first.outputs["kit-a"]).toMatchObject({ name: "kit-a", max_nodes: 2 });
    const second = await runWorkflow(file, opts);
    expect(second.events.at(-1)).toMatchObject({ type: "run_finished", status: "succeeded", steps: { "kit-a": "noop", "kit-b": "noop" } });
    writeFileSync(file, workflow(3));
    const plan = await runWorkflow(file, { ...opts, mode: "plan" });
    expect(Object.fromEntries(plan.events.flatMap((e) => (e.type === "step_planned" ? [[e.step, e.change]] : [])))).toEqual({ "kit-a": "update", "kit-b": "noop" });
    const destroyed = await runWorkflow(file, { ...opts, mode: "destroy" });
    expect(destroyed.status).toBe("succeeded");
    const left = emu.requests().filter((r) => r.method === "DELETE" && r.path.includes("/computes/kit-"));
    expect(left.length).toBeGreaterThanOrEqual(2);
  });
});
