import { describe, expect, it } from "vitest";
import type { World } from "./world/world-types.js";
import { FAST, mlClient, RG, useEmulator, SUB, WS } from "./__fixtures__/clients.js";
import { rawRequest } from "./__fixtures__/raw.js";

const world: World = {
  subscriptions: [{
    id: SUB,
    resource_groups: [{
      name: RG,
      location: "westeurope",
      workspaces: [{ name: WS }],
      aks_clusters: [{ name: "aks-prod" }],
      other_resources: [
        { name: "syn-ws/pool1", type: "Microsoft.Synapse/workspaces/bigDataPools" },
        { name: "arc-k8s", type: "Microsoft.Kubernetes/connectedClusters" },
        { name: "adf", type: "Microsoft.DataFactory/factories" },
      ],
    }],
  }],
};
const rid = (type: string, name: string) => `/subscriptions/${SUB}/resourceGroups/${RG}/providers/${type}/${name}`;

const em = useEmulator({ world });

describe("the remaining compute types: create/attach, get, list, update, delete/detach", () => {
  const cases = [
    { name: "k8s", attached: true, properties: { computeType: "Kubernetes", resourceId: rid("Microsoft.Kubernetes/connectedClusters", "arc-k8s") } },
    { name: "synapse", attached: true, properties: { computeType: "SynapseSpark", resourceId: rid("Microsoft.Synapse/workspaces", "syn-ws/bigDataPools/pool1") } },
    { name: "adf", attached: true, properties: { computeType: "DataFactory", resourceId: rid("Microsoft.DataFactory/factories", "adf") } },
    { name: "adf-new", attached: false, properties: { computeType: "DataFactory" } },
    { name: "aks-new", attached: false, properties: { computeType: "AKS", properties: { agentCount: 3, agentVmSize: "Standard_D3_v2" } } },
  ] as const;

  it.each(cases)("$name ($properties.computeType)", async ({ name, attached, properties }) => {
    const client = mlClient(em());
    const created = await client.computeOperations.beginCreateOrUpdateAndWait(RG, WS, name, { properties: properties as never }, FAST);
    expect(created.properties).toMatchObject({ computeType: properties.computeType, provisioningState: "Succeeded", isAttachedCompute: attached });
    const updated = await client.computeOperations.beginCreateOrUpdateAndWait(RG, WS, name, { properties: { ...properties, description: "updated" } as never }, FAST);
    expect(updated.properties?.description).toBe("updated");
    const names: string[] = [];
    for await (const c of client.computeOperations.list(RG, WS)) names.push(c.name!);
    expect(names).toContain(name);
    await client.computeOperations.beginDeleteAndWait(RG, WS, name, attached ? "Detach" : "Delete", FAST);
    await expect(client.computeOperations.get(RG, WS, name)).rejects.toMatchObject({ statusCode: 404 });
  });

  it("AKS: a PUT on an existing cluster updates its TLS and load balancer settings in place", async () => {
    const client = mlClient(em());
    const properties = { computeType: "AKS", properties: { agentCount: 3, agentVmSize: "Standard_D3_v2", loadBalancerType: "PublicIp" } };
    await client.computeOperations.beginCreateOrUpdateAndWait(RG, WS, "aks-tls", { properties: properties as never }, FAST);
    const ssl = { status: "Enabled", cname: "ml.contoso.com", leafDomainLabel: "", overwriteExistingDomain: false };
    const inner = { ...properties.properties, loadBalancerType: "InternalLoadBalancer", sslConfiguration: ssl };
    await client.computeOperations.beginCreateOrUpdateAndWait(RG, WS, "aks-tls", { properties: { ...properties, properties: inner } as never }, FAST);
    const got = await client.computeOperations.get(RG, WS, "aks-tls");
    expect(got.properties).toMatchObject({ properties: { loadBalancerType: "InternalLoadBalancer", sslConfiguration: { status: "Enabled", cname: "ml.contoso.com" } } });
  });
});

describe("compute types the service refuses (spec oracle off: these bodies are wrong on purpose)", () => {
  const em = useEmulator({ specOracle: false });
  it("Batch (raw body): a missing account and an unknown computeType are 400s with ARM codes", async () => {
    const client = mlClient(em());
    const path = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.MachineLearningServices/workspaces/${WS}/computes/batch1?api-version=2021-07-01`;
    const missing = await rawRequest(client, em(), "PUT", path, { properties: { computeType: "Batch", resourceId: rid("Microsoft.Batch/batchAccounts", "ghost") } });
    expect(missing).toMatchObject({ status: 400, body: { error: { code: "ResourceNotFound" } } });
    const unknownType = await rawRequest(client, em(), "PUT", path, { properties: { computeType: "Mainframe" } });
    expect(unknownType).toMatchObject({ status: 400, body: { error: { code: "InvalidComputeType" } } });
  });
});
