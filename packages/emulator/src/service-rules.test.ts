import { describe, expect, it } from "vitest";
import type { World } from "./world/world-types.js";
import { plain } from "./__fixtures__/https.js";
import { FAST, mlClient, RG, startFast, useEmulator, SUB, WS } from "./__fixtures__/clients.js";

const world: World = {
  page_size: 50,
  subscriptions: [{
    id: SUB,
    resource_groups: [
      { name: RG, location: "westeurope", workspaces: [{ name: WS }, { name: "other-ws" }] },
      { name: "us-rg", location: "eastus", workspaces: [{ name: "us-ws" }] },
    ],
  }],
};

const em = useEmulator({ world });

const aml = (props: Record<string, unknown> = {}) => ({
  properties: { computeType: "AmlCompute" as const, properties: { vmSize: "Standard_D2_v2", scaleSettings: { maxNodeCount: 2 }, ...props } },
});

describe("service rules surface as the SDK's RestError with ARM code and message", () => {
  it("rejects invalid compute names before creating anything", async () => {
    const client = mlClient(em());
    for (const name of ["a", "1abc", "name-that-is-far-too-long", "bad_name"]) {
      await expect(client.computeOperations.beginCreateOrUpdate(RG, WS, name, aml()), name).rejects.toMatchObject({ statusCode: 400, code: "ValidationError" });
    }
    expect(em().requests().filter((r) => r.created)).toHaveLength(0);
  });

  it("rejects an unknown vmSize with 400", async () => {
    const err = await mlClient(em()).computeOperations.beginCreateOrUpdate(RG, WS, "c-size", aml({ vmSize: "Standard_Nope" })).catch((e: unknown) => e);
    expect(err).toMatchObject({ statusCode: 400, code: "InvalidPropertyValue", message: expect.stringContaining("Standard_Nope") });
  });

  it("rejects minNodeCount above maxNodeCount", async () => {
    await expect(mlClient(em()).computeOperations.beginCreateOrUpdate(RG, WS, "c-min", aml({ scaleSettings: { maxNodeCount: 1, minNodeCount: 3 } })))
      .rejects.toMatchObject({ statusCode: 400, code: "InvalidPropertyValue" });
  });

  it("refuses to change an immutable property on PUT (409 PropertyChangeNotAllowed), allows scale changes", async () => {
    const client = mlClient(em());
    await client.computeOperations.beginCreateOrUpdateAndWait(RG, WS, "c-imm", aml(), FAST);
    await expect(client.computeOperations.beginCreateOrUpdate(RG, WS, "c-imm", aml({ vmSize: "Standard_D3_v2" })))
      .rejects.toMatchObject({ statusCode: 409, code: "PropertyChangeNotAllowed", message: expect.stringContaining("vmSize") });
    const updated = await client.computeOperations.beginCreateOrUpdateAndWait(RG, WS, "c-imm", aml({ vmSize: "STANDARD_D2_V2", scaleSettings: { maxNodeCount: 3 } }), FAST);
    expect(updated.properties?.provisioningState).toBe("Succeeded");
    const puts = em().requests().filter((r) => r.method === "PUT" && r.path.includes("/computes/c-imm"));
    expect(puts.map((p) => [p.status, p.created ?? false])).toEqual([[201, true], [409, false], [201, false]]);
  });

  it("lists workspaces by subscription and by resource group", async () => {
    const client = mlClient(em());
    const all: string[] = [];
    for await (const ws of client.workspaces.listBySubscription()) all.push(`${ws.location}/${ws.name}`);
    expect(all.sort()).toEqual(["eastus/us-ws", "westeurope/ml-ws", "westeurope/other-ws"]);
    const inRg: string[] = [];
    for await (const ws of client.workspaces.listByResourceGroup("us-rg")) inRg.push(ws.name!);
    expect(inRg).toEqual(["us-ws"]);
  });

  it("keeps compute instance names unique per region across workspaces", async () => {
    const client = mlClient(em());
    const ci = { properties: { computeType: "ComputeInstance" as const, properties: { vmSize: "Standard_DS3_v2" } } };
    await client.computeOperations.beginCreateOrUpdateAndWait(RG, WS, "ci-shared", ci, FAST);
    await expect(client.computeOperations.beginCreateOrUpdate(RG, "other-ws", "ci-shared", ci)).rejects.toMatchObject({ statusCode: 409, code: "ComputeInstanceNameNotAvailable" });
    const elsewhere = await client.computeOperations.beginCreateOrUpdateAndWait("us-rg", "us-ws", "ci-shared", ci, FAST);
    expect(elsewhere.location).toBe("eastus");
  });

  it("requires an admin public key for a compute instance with public SSH access", async () => {
    await expect(mlClient(em()).computeOperations.beginCreateOrUpdate(RG, WS, "ci-ssh", {
      properties: { computeType: "ComputeInstance", properties: { sshSettings: { sshPublicAccess: "Enabled" } } },
    })).rejects.toMatchObject({ statusCode: 400, code: "InvalidPropertyValue", message: expect.stringContaining("adminPublicKey") });
  });

  it("requires a resourceId that exists for attach types", async () => {
    const client = mlClient(em());
    await expect(client.computeOperations.beginCreateOrUpdate(RG, WS, "vm-x", { properties: { computeType: "VirtualMachine" } }))
      .rejects.toMatchObject({ statusCode: 400, code: "InvalidPropertyValue" });
    await expect(client.computeOperations.beginCreateOrUpdate(RG, WS, "vm-x", {
      properties: { computeType: "VirtualMachine", resourceId: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/virtualMachines/ghost` },
    })).rejects.toMatchObject({ statusCode: 400, code: "ResourceNotFound" });
  });

  it("answers ARM's 404 bodies for missing subscription, resource group, workspace and compute", async () => {
    await expect(mlClient(em(), "99999999-0000-0000-0000-000000000000").workspaces.get(RG, WS)).rejects.toMatchObject({ statusCode: 404, code: "SubscriptionNotFound" });
    await expect(mlClient(em()).workspaces.get("nope-rg", WS)).rejects.toMatchObject({ statusCode: 404, code: "ResourceGroupNotFound" });
    await expect(mlClient(em()).workspaces.get(RG, "nope")).rejects.toMatchObject({ statusCode: 404, code: "ResourceNotFound" });
    await expect(mlClient(em()).computeOperations.get(RG, WS, "nope")).rejects.toMatchObject({ statusCode: 404, code: "ResourceNotFound" });
  });

  it("answers 401 with ARM's body and WWW-Authenticate when no bearer token is sent", async () => {
    const res = await plain(em(), "GET", `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.MachineLearningServices/workspaces/${WS}?api-version=2021-07-01`);
    expect(res.status).toBe(401);
    expect(res.headers["www-authenticate"]).toMatch(/^Bearer /);
    expect(res.json()).toMatchObject({ error: { code: "AuthenticationFailed" } });
  });

  it("pages computes lists with nextLink; the SDK follows it", async () => {
    const many = await startFast({ world: { ...world, page_size: 7 } });
    try {
      const client = mlClient(many);
      await Promise.all(Array.from({ length: 20 }, (_, i) =>
        client.computeOperations.beginCreateOrUpdate(RG, WS, `c-${i}`, aml())));
      const names: string[] = [];
      for await (const c of client.computeOperations.list(RG, WS)) names.push(c.name!);
      expect(names).toHaveLength(20);
      expect(new Set(names).size).toBe(20);
      const lists = many.requests().filter((r) => r.operation === "computes.list");
      expect(lists.map((r) => r.path.includes("$skip=") || r.path.includes("%24skip="))).toEqual([false, true, true]);
    } finally {
      await many.close();
    }
  });
});
