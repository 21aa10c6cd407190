import type { ComputeResource } from "@azure/arm-machinelearningservices";
import type { PollReader } from "@computeflow/core";
import { describe, expect, it } from "vitest";
import { clusterReadiness } from "./readiness.js";

function reader(listed: ComputeResource | undefined, detail = listed): PollReader {
  return { compute: async () => listed, computeDetail: async () => detail };
}

function cluster(state: string, inner: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): ComputeResource {
  return {
    name: "c",
    id: "/subscriptions/s/computes/c",
    properties: { computeType: "AmlCompute", provisioningState: state, properties: { vmSize: "STANDARD_D2_V2", scaleSettings: { maxNodeCount: 2 }, ...inner }, ...extra },
  } as ComputeResource;
}

const target = { name: "c", minNodes: 1, maxNodes: 2 };

describe("clusterReadiness", () => {
  it("waits while Creating, reporting node counts", async () => {
    const status = await clusterReadiness("creating", target).check(reader(cluster("Creating", { allocationState: "Resizing", currentNodeCount: 1, nodeStateCounts: { preparingNodeCount: 1 } })));
    expect(status).toEqual({ done: false, progress: expect.objectContaining({ provisioningState: "Creating", state: "Resizing", nodes: expect.objectContaining({ current: 1, preparing: 1 }) }) });
  });

  it("waits for min_nodes idle or running nodes after Succeeded", async () => {
    const op = clusterReadiness("creating", target);
    expect(await op.check(reader(cluster("Succeeded", { nodeStateCounts: { idleNodeCount: 0 } })))).toMatchObject({ done: false, progress: { message: "0/1 nodes ready" } });
    expect(await op.check(reader(cluster("Succeeded", { nodeStateCounts: { runningNodeCount: 1 } })))).toMatchObject({ done: true, outputs: { name: "c", vm_size: "STANDARD_D2_V2", max_nodes: 2, principal_id: null } });
  });

  it("fails with ARM's provisioning errors in full, read from the detail GET", async () => {
    const failed = cluster("Failed");
    const detail = cluster("Failed", {}, { provisioningErrors: [{ error: { code: "AllocationFailed", message: "no capacity", details: [{ code: "Inner", message: "x" }] } }] });
    const status = await clusterReadiness("creating", target).check(reader(failed, detail));
    expect(status).toMatchObject({ done: true, error: { code: "E_PROVISIONING_FAILED", retryable: false, arm: [{ code: "AllocationFailed", message: "no capacity", details: [{ code: "Inner" }] }] } });
  });

  it("calls a quota failure E_QUOTA", async () => {
    const failed = cluster("Failed", {}, { provisioningErrors: [{ error: { code: "QuotaExceeded", message: "over" } }] });
    expect(await clusterReadiness("creating", target).check(reader(failed))).toMatchObject({ done: true, error: { code: "E_QUOTA", errorClass: "quota" } });
  });

  it("fails a steady cluster whose nodes report errors instead of waiting forever", async () => {
    const stuck = cluster("Succeeded", { allocationState: "Steady", nodeStateCounts: { unusableNodeCount: 1 }, errors: [{ error: { code: "DiskFull", message: "node setup failed" } }] });
    expect(await clusterReadiness("creating", target).check(reader(stuck))).toMatchObject({ done: true, error: { code: "E_PROVISIONING_FAILED", arm: [{ code: "DiskFull" }] } });
  });
});
