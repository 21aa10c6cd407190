import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runWorkflow } from "@computeflow/core/testing";
import { startEmulator, type RunningEmulator } from "@computeflow/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let emulator: RunningEmulator;
let dir: string;
beforeAll(async () => {
  emulator = await startEmulator({ timeScale: 0.02, ssh: false });
  dir = mkdtempSync(join(tmpdir(), "amlcompute-run-quota-"));
});
afterAll(async () => {
  await emulator?.close();
  rmSync(dir, { recursive: true, force: true });
});

// Standard_NC6: 6 vCPUs of standardNCFamily, whose quota in the default world is 48.
const cluster = (maxNodes: number) => ({ uses: "amlcompute", action: "provision", with: { vm_size: "Standard_NC6", max_nodes: maxNodes } });

function workflow(steps: Record<string, unknown>): string {
  const file = join(dir, `wf-${Object.keys(steps).join("-")}.yaml`);
  const doc = { version: 1, name: "run-quota", workspace: { subscription_id: "${{ env.AZURE_SUBSCRIPTION_ID }}", resource_group: "ml-rg", name: "ml-ws" }, steps };
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

describe("quota across the steps of one run", () => {
  it("counts what the run itself asked for: two clusters that each fit but not together, one usage read", async () => {
    const result = await runWorkflow(workflow({ "gpu-a": cluster(5), "gpu-b": cluster(5) }), { endpoint: emulator.endpoint, caCert: emulator.caCert, mode: "plan" });
    const planned = result.events.flatMap((e) => (e.type === "step_planned" ? [e.change] : []));
    expect(planned.sort()).toEqual(["blocked", "create"]);
    const blocked = result.events.find((e) => e.type === "step_finished" && e.status === "failed");
    expect(JSON.stringify(blocked)).toContain("E_QUOTA");
    expect(JSON.stringify(blocked)).toContain("only 18 are free");
    const reads = emulator.requests().map((r) => r.path.split("?")[0]!);
    expect(reads.filter((p) => p.endsWith("/usages"))).toHaveLength(1);
    expect(reads.filter((p) => p.endsWith("/vmSizes"))).toHaveLength(1);
    expect(reads.filter((p) => /\/computes\/gpu-/.test(p))).toHaveLength(0);
  });
});
