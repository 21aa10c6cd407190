import { describe, expect, it } from "vitest";
import { FAST, innerOf, mlClient, RG, startFast, useEmulator, until, WS } from "./__fixtures__/clients.js";

const em = useEmulator();

const cluster = (vmSize: string, max: number, min = 0, priority = "Dedicated") => ({
  location: "westeurope",
  properties: { computeType: "AmlCompute" as const, properties: { vmSize, vmPriority: priority, scaleSettings: { maxNodeCount: max, minNodeCount: min } } },
});

describe("cluster scaling, nodes and instance power through the SDK", () => {
  it("PATCH scale settings moves the node count; listNodes lists the nodes", async () => {
    const client = mlClient(em());
    await client.computeOperations.beginCreateOrUpdateAndWait(RG, WS, "scaler", cluster("Standard_D2_v2", 4, 0), FAST);
    await client.computeOperations.beginUpdateAndWait(RG, WS, "scaler", { properties: { scaleSettings: { maxNodeCount: 4, minNodeCount: 3 } } }, FAST);
    const steady = await until(() => client.computeOperations.get(RG, WS, "scaler"), (c) => innerOf(c).currentNodeCount === 3 && innerOf(c).allocationState === "Steady");
    expect(innerOf(steady)).toMatchObject({ targetNodeCount: 3, scaleSettings: { minNodeCount: 3, maxNodeCount: 4 } });
    const nodes = [];
    for await (const n of client.computeOperations.listNodes(RG, WS, "scaler")) nodes.push(n);
    expect(nodes).toHaveLength(3);
    expect(nodes[0]).toMatchObject({ nodeState: "idle", port: expect.any(Number), privateIpAddress: expect.any(String) });
  });

  it("lowering minNodeCount lets idle nodes leave only after nodeIdleTimeBeforeScaleDown", async () => {
    const client = mlClient(em());
    const read = () => client.computeOperations.get(RG, WS, "scaler");
    await client.computeOperations.beginUpdateAndWait(RG, WS, "scaler", { properties: { scaleSettings: { maxNodeCount: 4, minNodeCount: 0, nodeIdleTimeBeforeScaleDown: "PT30S" } } }, FAST);
    expect(innerOf(await read()).currentNodeCount).toBe(3);
    await new Promise((r) => setTimeout(r, 150));
    expect(innerOf(await read()).currentNodeCount).toBe(3);
    const after = innerOf(await until(read, (c) => innerOf(c).currentNodeCount === 0 && innerOf(c).allocationState === "Steady"));
    expect(after).toMatchObject({ targetNodeCount: 0, nodeStateCounts: { idleNodeCount: 0, leavingNodeCount: 0 } });
  });

  it("seen mid-way: allocationState Resizing with preparing nodes, an instance Stopping", async () => {
    const slow = await startFast({ timeScale: 0.1 });
    try {
      const client = mlClient(slow);
      await client.computeOperations.beginCreateOrUpdateAndWait(RG, WS, "grow", cluster("Standard_D2_v2", 2, 2), FAST);
      const mid = innerOf(await until(() => client.computeOperations.get(RG, WS, "grow"), (c) => innerOf(c).currentNodeCount === 1));
      expect(mid.allocationState).toBe("Resizing");
      expect(mid.nodeStateCounts).toMatchObject({ preparingNodeCount: 1 });
      await client.computeOperations.beginCreateOrUpdateAndWait(RG, WS, "ci-mid", { properties: { computeType: "ComputeInstance", properties: {} } }, FAST);
      const stop = await client.computeOperations.beginStop(RG, WS, "ci-mid", FAST);
      expect(innerOf(await client.computeOperations.get(RG, WS, "ci-mid")).state).toBe("Stopping");
      await stop.pollUntilDone();
      expect(innerOf(await client.computeOperations.get(RG, WS, "ci-mid")).state).toBe("Stopped");
    } finally {
      await slow.close();
    }
  });

  it("stops, starts and restarts a compute instance; state moves through Stopping/Starting", async () => {
    const client = mlClient(em());
    const read = () => client.computeOperations.get(RG, WS, "ci-power");
    await client.computeOperations.beginCreateOrUpdateAndWait(RG, WS, "ci-power", { properties: { computeType: "ComputeInstance", properties: { vmSize: "Standard_DS3_v2" } } }, FAST);
    await client.computeOperations.beginStopAndWait(RG, WS, "ci-power", FAST);
    expect(innerOf(await read())).toMatchObject({ state: "Stopped", lastOperation: { operationName: "Stop", operationStatus: "Succeeded" } });
    await client.computeOperations.beginStartAndWait(RG, WS, "ci-power", FAST);
    expect(innerOf(await read()).state).toBe("Running");
    await client.computeOperations.beginRestartAndWait(RG, WS, "ci-power", FAST);
    expect(innerOf(await read())).toMatchObject({ state: "Running", lastOperation: { operationName: "Restart" } });
    await expect(client.computeOperations.beginStopAndWait(RG, WS, "scaler", FAST)).rejects.toMatchObject({ statusCode: 400 });
  });

  it("answers vmSizes, and usages that count existing clusters (max nodes x vCPUs)", async () => {
    const client = mlClient(em());
    const sizes = (await client.virtualMachineSizes.list("westeurope")).value ?? [];
    expect(sizes.find((s) => s.name === "Standard_D2_v2")).toMatchObject({ family: "standardDv2Family", vCPUs: 2 });
    const usages = [];
    for await (const u of client.usages.list("westeurope")) usages.push(u);
    const dv2 = usages.find((u) => u.name?.value === "standardDv2Family");
    expect(dv2).toMatchObject({ currentValue: 8, limit: 200, unit: "Count" });
    expect(usages.find((u) => u.name?.value === "total_dedicated")?.currentValue).toBe(8 + 4);
    const quotas = [];
    for await (const q of client.quotas.list("westeurope")) quotas.push(q);
    expect(quotas.find((q) => q.name?.value === "standardNCFamily")?.limit).toBe(48);
  });

  it("ends the operation Failed with QuotaExceeded when the family quota is too small", async () => {
    const client = mlClient(em());
    const err = await client.computeOperations.beginCreateOrUpdateAndWait(RG, WS, "gpu-big", cluster("Standard_NC12", 5), FAST).catch((e: Error) => e);
    expect(String(err)).toMatch(/QuotaExceeded/);
    const got = await client.computeOperations.get(RG, WS, "gpu-big");
    expect(got.properties?.provisioningErrors?.[0]?.error).toMatchObject({ code: "QuotaExceeded", message: expect.stringContaining("standardNCFamily") });
  });

  it("ends Failed with provisioningErrors for a VM size the world declares as failing", async () => {
    const client = mlClient(em());
    await expect(client.computeOperations.beginCreateOrUpdateAndWait(RG, WS, "doomed", cluster("STANDARD_FAIL_V1", 1), FAST)).rejects.toThrow(/AllocationFailed/);
    const got = await client.computeOperations.get(RG, WS, "doomed");
    expect(got.properties?.provisioningState).toBe("Failed");
  });

  it("a PUT on a Failed compute provisions it again", async () => {
    const client = mlClient(em());
    const again = await client.computeOperations.beginCreateOrUpdateAndWait(RG, WS, "doomed", cluster("Standard_D2_v2", 1), FAST);
    expect(again.properties?.provisioningState).toBe("Succeeded");
    const puts = em().requests().filter((r) => r.method === "PUT" && r.path.includes("/computes/doomed"));
    expect(puts.map((r) => [r.status, r.created ?? false])).toEqual([[201, true], [201, false]]);
  });
});
