import { defaultWorld, startEmulator } from "@computeflow/emulator";
import type { RunningEmulator } from "@computeflow/emulator";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import plugin from "./index.js";
import { outputsOf, writes } from "@computeflow/compute-kit/testing";
import { runAction } from "./__fixtures__/run-action.js";
import { EMULATOR_WORKSPACE } from "@computeflow/core/testing";

const SUB = "00000000-0000-0000-0000-000000000000";
const AKS = `/subscriptions/${SUB}/resourceGroups/ml-rg/providers/Microsoft.ContainerService/managedClusters/aks-prod`;
const ARC = `/subscriptions/${SUB}/resourceGroups/ml-rg/providers/Microsoft.Kubernetes/connectedClusters/arc-k8s`;
let emulator: RunningEmulator;

beforeAll(async () => {
  const world = structuredClone(defaultWorld());
  world.subscriptions[0]!.resource_groups[0]!.other_resources = [{ name: "arc-k8s", type: "Microsoft.Kubernetes/connectedClusters" }];
  emulator = await startEmulator({ timeScale: 0.02, ssh: false, world: { ...world, canceled_computes: ["k8s-off"] } });
});
afterAll(async () => emulator?.close());
beforeEach(() => emulator.reset());

const step = (action: "attach" | "detach", input: Record<string, unknown>, id = "k8s") => runAction(emulator, plugin.actions[action], { id, action }, input);

describe("kubernetes against the emulator (api-version 2022-10-01)", () => {
  it("attaches AKS as Kubernetes compute in the spec example's shape; the second run is a no-op", async () => {
    const first = await step("attach", { resource_id: AKS, namespace: "training", identity_type: "SystemAssigned" });
    expect(first.plan).toMatchObject({ change: "attach" });
    expect(outputsOf(first)).toEqual({ name: "k8s", id: expect.stringContaining("/computes/k8s"), resource_id: AKS, namespace: "training" });
    const [put] = writes(emulator);
    expect(put?.path).toContain("api-version=2022-10-01");
    expect(put?.body).toEqual({ identity: { type: "SystemAssigned" }, properties: { computeType: "Kubernetes", resourceId: AKS, properties: { namespace: "training" } } });
    const request = plugin.actions.attach.body!({ resource_id: AKS, namespace: "training", identity_type: "SystemAssigned" }, { computeName: "k8s", workspace: EMULATOR_WORKSPACE, location: "westeurope", files: {} });
    expect(put?.path).toBe(`${request.path}?api-version=${request.apiVersion}`);
    expect(put?.body).toEqual(request.body);
    const again = await step("attach", { resource_id: AKS, namespace: "training", identity_type: "SystemAssigned" });
    expect(again.plan.change).toBe("noop");
    expect(writes(emulator)).toHaveLength(1);
  });

  it("attaches Arc-enabled Kubernetes; a namespace change re-attaches (detach, then attach), then no-op; detach keeps the cluster", async () => {
    outputsOf(await step("attach", { resource_id: ARC, namespace: "default" }, "arc"));
    const change = await step("attach", { resource_id: ARC, namespace: "jobs" }, "arc");
    expect(change.plan).toMatchObject({ change: "reattach", diff: [{ path: "properties.properties.namespace", from: "default", to: "jobs" }] });
    expect(outputsOf(change)).toMatchObject({ namespace: "jobs" });
    expect(writes(emulator).map((r) => r.method)).toEqual(["PUT", "DELETE", "PUT"]);
    expect(writes(emulator)[1]?.path).toContain("underlyingResourceAction=Detach");
    expect((await step("attach", { resource_id: ARC, namespace: "jobs" }, "arc")).plan.change).toBe("noop");
    expect(outputsOf(await step("detach", {}, "arc"))).toEqual({ name: "arc" });
    expect((await step("detach", {}, "arc")).plan.change).toBe("noop");
  });

  it("a Canceled compute fails its step at once, not at the timeout", async () => {
    const run = await step("attach", { resource_id: AKS, namespace: "default" }, "k8s-off");
    expect(run.status).toMatchObject({ done: true, error: { code: "E_PROVISIONING_FAILED", message: "Kubernetes compute k8s-off failed: Canceled: the operation was canceled in Azure" } });
  });

  it("fails an attach of a cluster that does not exist, with ARM's error", async () => {
    const missing = await step("attach", { resource_id: AKS.replace("aks-prod", "ghost"), namespace: "default" }, "ghost");
    expect(missing.error ?? missing.status).toBeDefined();
    expect(JSON.stringify(missing.error ?? missing.status)).toMatch(/not found|ResourceNotFound|does not exist/i);
  });

  it("checks user-assigned identities before anything is sent", () => {
    expect(plugin.actions.attach.check!({ resource_id: AKS, namespace: "default", identity_id: ["/x"] }, {} as never)).toEqual([expect.objectContaining({ path: "/identity_id" })]);
  });
});

describe("kubernetes configure-run", () => {
  it("writes a v2 command job with resources.instance_type (defaultinstancetype unless given), then plans a no-op; refuses format: v1", async () => {
    const { mkdtemp, readFile } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = await mkdtemp(join(tmpdir(), "k8s-run-"));
    const configure = plugin.actions["configure-run"];
    const run = await runAction(emulator, configure, { id: "k8s-train", action: "configure-run" }, { compute: "k8s", script: "train.py", node_count: 2 }, { workflowDir: dir });
    expect(outputsOf(run)).toEqual({ path: "jobs/k8s-train.yml" });
    const text = await readFile(join(dir, "jobs/k8s-train.yml"), "utf8");
    expect(text).toContain("compute: azureml:k8s\nresources:\n  instance_count: 2\n  instance_type: defaultinstancetype\n");
    expect((await runAction(emulator, configure, { id: "k8s-train", action: "configure-run" }, { compute: "k8s", script: "train.py", node_count: 2 }, { workflowDir: dir })).plan.change).toBe("noop");
    const check = plugin.actions["configure-run"].check!;
    expect(check({ compute: "k8s", script: "t.py", framework: "python", format: "v1" }, {} as never).map((p) => p.path)).toEqual(["/format", "/format"]);
    expect(check({ compute: "k8s", script: "t.py", framework: "python", instance_type: "gpu" }, {} as never)).toEqual([]);
  });
});
