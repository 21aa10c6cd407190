import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runWorkflow } from "@computeflow/core/testing";
import { startEmulator } from "@computeflow/emulator";
import type { RunningEmulator } from "@computeflow/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ timeScale: 0.01, ssh: false });
});
afterAll(async () => emulator?.close());

const WORKFLOW = `version: 1
name: k8s
workspace: { subscription_id: 00000000-0000-0000-0000-000000000000, resource_group: ml-rg, name: ml-ws }
steps:
  k8s:
    uses: kubernetes
    action: attach
    with:
      resource_id: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ml-rg/providers/Microsoft.ContainerService/managedClusters/aks-prod
      namespace: training
  train:
    uses: kubernetes
    action: configure-run
    with:
      compute: \${{ steps.k8s.outputs.name }}
      script: train.py
      instance_type: gpu-small
`;

const finished = (events: { type: string }[]) => events.filter((e) => e.type === "step_finished").map((e) => `${(e as any).step} ${(e as any).status}`);

describe("uses: kubernetes through the real engine (plugin API 2)", () => {
  it("attaches and writes the job, a second run is a no-op, destroy detaches (the cluster is kept)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "k8s-wf-"));
    const file = join(dir, "k8s.yaml");
    await writeFile(file, WORKFLOW);
    const opts = { endpoint: emulator.endpoint, caCert: emulator.caCert, timeScale: 0.01 };
    const first = await runWorkflow(file, opts);
    expect(first.status).toBe("succeeded");
    expect(first.outputs.k8s).toMatchObject({ name: "k8s", namespace: "training" });
    expect(await readFile(join(dir, "jobs/train.yml"), "utf8")).toContain("  instance_type: gpu-small\n");
    const second = await runWorkflow(file, opts);
    expect(finished(second.events)).toEqual(["k8s noop", "train noop"]);
    const destroyed = await runWorkflow(file, { ...opts, mode: "destroy" });
    expect(destroyed.status).toBe("succeeded");
    expect(emulator.requests().filter((r) => r.method === "DELETE").map((r) => r.path)).toEqual([expect.stringContaining("/computes/k8s?api-version=2022-10-01&underlyingResourceAction=Detach")]);
  });
});
