import { describe, expect, it } from "vitest";
import { FAST, innerOf, mlClient, RG, startFast, useEmulator, until, WS } from "./__fixtures__/clients.js";
import { defaultWorld } from "./world/load-world.js";

const em = useEmulator();

describe("AmlCompute and ComputeInstance through the real SDK", () => {
  it("gets the default workspace", async () => {
    const ws = await mlClient(em()).workspaces.get(RG, WS);
    expect(ws.location).toBe("westeurope");
    expect(ws.provisioningState).toBe("Succeeded");
  });

  it("creates a cluster through the SDK poller, then nodes reach minNodeCount", async () => {
    const client = mlClient(em());
    const created = await client.computeOperations.beginCreateOrUpdateAndWait(RG, WS, "cpu-cluster", {
      location: "westeurope",
      properties: {
        computeType: "AmlCompute",
        properties: { vmSize: "STANDARD_D2_V2", vmPriority: "LowPriority", scaleSettings: { maxNodeCount: 4, minNodeCount: 2 }, remoteLoginPortPublicAccess: "NotSpecified" },
      },
    }, FAST);
    expect(created.properties?.provisioningState).toBe("Succeeded");
    const puts = em().requests().filter((r) => r.method === "PUT");
    expect(puts).toHaveLength(1);
    expect(puts[0]!.created).toBe(true);
    expect(em().requests().some((r) => r.operation === "operations.status")).toBe(true);
    const props = innerOf(await until(
      () => client.computeOperations.get(RG, WS, "cpu-cluster"),
      (c) => innerOf(c).allocationState === "Steady" && innerOf(c).currentNodeCount === 2,
    ));
    expect(props).toMatchObject({ currentNodeCount: 2, targetNodeCount: 2, allocationState: "Steady" });
    expect(props.nodeStateCounts).toMatchObject({ idleNodeCount: 2, preparingNodeCount: 0 });
    expect(props.remoteLoginPortPublicAccess).toBe("Enabled");
  });

  it("adds a system-assigned identity to an existing cluster with a PUT (the document's add_identity)", async () => {
    const client = mlClient(em());
    const body = { location: "westeurope", properties: { computeType: "AmlCompute" as const, properties: { vmSize: "STANDARD_D2_V2", scaleSettings: { maxNodeCount: 2, minNodeCount: 0 } } } };
    const plain = await client.computeOperations.beginCreateOrUpdateAndWait(RG, WS, "id-cluster", body, FAST);
    expect(plain.identity).toBeUndefined();
    const updated = await client.computeOperations.beginCreateOrUpdateAndWait(RG, WS, "id-cluster", { ...body, identity: { type: "SystemAssigned" } }, FAST);
    expect(updated.identity?.type).toBe("SystemAssigned");
    expect(updated.identity?.principalId).toMatch(/^[0-9a-f-]{36}$/);
    const puts = em().requests().filter((r) => r.method === "PUT" && r.path.includes("id-cluster"));
    expect(puts.map((r) => Boolean(r.created))).toEqual([true, false]);
  });

  it("creates a compute instance that ends Running, lists and deletes it", async () => {
    const client = mlClient(em());
    const ci = await client.computeOperations.beginCreateOrUpdateAndWait(RG, WS, "ci-alice", {
      properties: { computeType: "ComputeInstance", properties: { vmSize: "STANDARD_DS3_V2" } },
    }, FAST);
    expect(innerOf(ci).state).toBe("Running");
    const names: string[] = [];
    for await (const c of client.computeOperations.list(RG, WS)) names.push(c.name!);
    expect(names).toContain("ci-alice");
    await client.computeOperations.beginDeleteAndWait(RG, WS, "ci-alice", "Delete", FAST);
    await expect(client.computeOperations.get(RG, WS, "ci-alice")).rejects.toMatchObject({ statusCode: 404, code: "ResourceNotFound" });
    const del = em().requests().find((r) => r.method === "DELETE");
    expect(del?.status).toBe(202);
  });
});

describe("durations per compute type", () => {
  it("create_durations overrides durations.create for one compute type", async () => {
    const world = defaultWorld();
    const slow = await startFast({ world: { ...world, create_durations: { ComputeInstance: 3600 } } });
    try {
      const client = mlClient(slow);
      const ci = await client.computeOperations.beginCreateOrUpdate(RG, WS, "ci-slow", { properties: { computeType: "ComputeInstance" } }, FAST);
      const cluster = await client.computeOperations.beginCreateOrUpdateAndWait(RG, WS, "fast", { properties: { computeType: "AmlCompute", properties: { scaleSettings: { maxNodeCount: 1 } } } }, FAST);
      expect(cluster.properties?.provisioningState).toBe("Succeeded");
      await ci.poll();
      expect(ci.isDone()).toBe(false);
      expect(innerOf(await client.computeOperations.get(RG, WS, "ci-slow")).state).toBe("Creating");
    } finally {
      await slow.close();
    }
  });
});

describe("deleting a compute while it is being created", () => {
  it("cancels the create operation (Canceled) and the compute goes away", async () => {
    const world = defaultWorld();
    const slow = await startFast({ world: { ...world, hanging_computes: ["stuck"] } });
    try {
      const client = mlClient(slow);
      const create = await client.computeOperations.beginCreateOrUpdate(RG, WS, "stuck", { properties: { computeType: "AmlCompute", properties: { scaleSettings: { maxNodeCount: 1 } } } }, FAST);
      await client.computeOperations.beginDeleteAndWait(RG, WS, "stuck", "Delete", FAST);
      await expect(create.pollUntilDone()).rejects.toThrow(/Canceled|cancel/i);
      await expect(client.computeOperations.get(RG, WS, "stuck")).rejects.toMatchObject({ statusCode: 404 });
    } finally {
      await slow.close();
    }
  });
});

describe("a canceled create", () => {
  it("ends with provisioningState Canceled for a name in canceled_computes", async () => {
    const world = defaultWorld();
    const em2 = await startFast({ world: { ...world, canceled_computes: ["called-off"] } });
    try {
      const client = mlClient(em2);
      const create = await client.computeOperations.beginCreateOrUpdate(RG, WS, "called-off", { properties: { computeType: "AmlCompute", properties: { scaleSettings: { maxNodeCount: 1 } } } }, FAST);
      await expect(create.pollUntilDone()).rejects.toThrow(/Canceled|cancel/i);
      expect((await client.computeOperations.get(RG, WS, "called-off")).properties?.provisioningState).toBe("Canceled");
    } finally {
      await em2.close();
    }
  });
});
