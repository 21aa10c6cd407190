import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { FAST, mlClient, RG, useEmulator, SUB, WS } from "./__fixtures__/clients.js";
import { rawRequest } from "./__fixtures__/raw.js";

const id = (provider: string, type: string, name: string, rg = RG) =>
  `/subscriptions/${SUB}/resourceGroups/${rg}/providers/${provider}/${type}/${name}`;
const VM = id("Microsoft.Compute", "virtualMachines", "dsvm");
const KEY = readFileSync(new URL("../fixtures/demo_ed25519", import.meta.url), "utf8");

const em = useEmulator();

describe("attaching existing resources", () => {
  it("attaches a VM with the world's password; GET hides it, listKeys returns it", async () => {
    const client = mlClient(em());
    const c = await client.computeOperations.beginCreateOrUpdateAndWait(RG, WS, "dsvm", {
      properties: {
        computeType: "VirtualMachine",
        resourceId: VM,
        properties: { address: "20.50.100.10", sshPort: 22, administratorAccount: { username: "azureuser", password: em().demoSecrets.AML_VM_PASSWORD } },
      },
    }, FAST);
    expect(c.properties).toMatchObject({ provisioningState: "Succeeded", isAttachedCompute: true, resourceId: VM });
    expect(JSON.stringify(c)).not.toContain(em().demoSecrets.AML_VM_PASSWORD);
    const keys = await client.computeOperations.listKeys(RG, WS, "dsvm");
    expect(keys).toMatchObject({ computeType: "VirtualMachine", administratorAccount: { username: "azureuser", password: em().demoSecrets.AML_VM_PASSWORD } });
  });

  it("fails the attach when the SSH credentials are wrong, with provisioningErrors", async () => {
    const client = mlClient(em());
    const attempt = client.computeOperations.beginCreateOrUpdateAndWait(RG, WS, "dsvm-bad", {
      properties: { computeType: "VirtualMachine", resourceId: VM, properties: { administratorAccount: { username: "azureuser", password: "wrong" } } },
    }, FAST);
    await expect(attempt).rejects.toThrow(/InvalidCredentials/);
    const got = await client.computeOperations.get(RG, WS, "dsvm-bad");
    expect(got.properties?.provisioningState).toBe("Failed");
    expect(got.properties?.provisioningErrors?.[0]?.error?.code).toBe("InvalidCredentials");
  });

  it("accepts the shipped demo key for the VM (private key checked against the world's public keys)", async () => {
    const client = mlClient(em());
    await client.computeOperations.beginDeleteAndWait(RG, WS, "dsvm", "Detach", FAST);
    const c = await client.computeOperations.beginCreateOrUpdateAndWait(RG, WS, "dsvm-key", {
      properties: { computeType: "VirtualMachine", resourceId: VM, properties: { administratorAccount: { username: "azureuser", privateKeyData: KEY } } },
    }, FAST);
    expect(c.properties?.provisioningState).toBe("Succeeded");
  });

  it("attaches HDInsight, Databricks, Data Lake Analytics and AKS through the typed SDK", async () => {
    const client = mlClient(em());
    const cases = [
      { name: "hdi", properties: { computeType: "HDInsight", resourceId: id("Microsoft.HDInsight", "clusters", "hdi-spark"), properties: { address: "hdi-spark-ssh.azurehdinsight.net", sshPort: 22, administratorAccount: { username: "sshuser", password: em().demoSecrets.AML_HDI_PASSWORD } } } },
      { name: "dbx", properties: { computeType: "Databricks", resourceId: id("Microsoft.Databricks", "workspaces", "dbx-ws"), properties: { databricksAccessToken: em().demoSecrets.AML_DATABRICKS_ACCESS_TOKEN } } },
      { name: "adla", properties: { computeType: "DataLakeAnalytics", resourceId: id("Microsoft.DataLakeAnalytics", "accounts", "mladla") } },
      { name: "aks", properties: { computeType: "AKS", resourceId: id("Microsoft.ContainerService", "managedClusters", "aks-prod") } },
    ] as const;
    for (const c of cases) {
      const res = await client.computeOperations.beginCreateOrUpdateAndWait(RG, WS, c.name, { properties: c.properties as never }, FAST);
      expect(res.properties, c.name).toMatchObject({ computeType: c.properties.computeType, provisioningState: "Succeeded", isAttachedCompute: true });
    }
    expect((await client.computeOperations.listKeys(RG, WS, "dbx")) as object).toMatchObject({ databricksAccessToken: em().demoSecrets.AML_DATABRICKS_ACCESS_TOKEN });
  });

  it("rejects a Databricks token the workspace does not accept", async () => {
    const client = mlClient(em());
    await expect(client.computeOperations.beginCreateOrUpdateAndWait(RG, WS, "dbx-bad", {
      properties: { computeType: "Databricks", resourceId: id("Microsoft.Databricks", "workspaces", "dbx-ws"), properties: { databricksAccessToken: "nope" } },
    }, FAST)).rejects.toThrow(/InvalidCredentials/);
  });

  it("attaches Batch with a raw body through the client pipeline (computeType Batch)", async () => {
    const client = mlClient(em());
    const path = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.MachineLearningServices/workspaces/${WS}/computes/batch?api-version=2021-07-01`;
    const put = await rawRequest(client, em(), "PUT", path, { properties: { computeType: "Batch", resourceId: id("Microsoft.Batch", "batchAccounts", "mlbatch") } });
    expect(put.status).toBe(201);
    expect(put.headers["azure-asyncoperation"]).toContain("/computeOperationsStatus/");
    expect(em().requests().at(-1)?.body).toEqual({ properties: { computeType: "Batch", resourceId: id("Microsoft.Batch", "batchAccounts", "mlbatch") } });
  });

  it("a second attachment of the same resource breaks the first", async () => {
    const client = mlClient(em());
    const aks = { computeType: "AKS", resourceId: id("Microsoft.ContainerService", "managedClusters", "aks-prod") } as const;
    await client.computeOperations.beginCreateOrUpdateAndWait(RG, WS, "aks-again", { properties: aks }, FAST);
    const first = await client.computeOperations.get(RG, WS, "aks");
    expect(first.properties?.provisioningState).toBe("Failed");
    expect(first.properties?.provisioningErrors?.[0]?.error?.code).toBe("AttachmentBroken");
    expect((await client.computeOperations.get(RG, WS, "aks-again")).properties?.provisioningState).toBe("Succeeded");
  });

  it("Detach keeps the resource; Delete on an attached compute deletes the resource too", async () => {
    const client = mlClient(em());
    await client.computeOperations.beginDeleteAndWait(RG, WS, "hdi", "Detach", FAST);
    const hdi = await rawRequest(client, em(), "GET", `${id("Microsoft.HDInsight", "clusters", "hdi-spark")}?api-version=2021-06-01`);
    expect(hdi.status).toBe(200);
    await client.computeOperations.beginDeleteAndWait(RG, WS, "adla", "Delete", FAST);
    const adla = await rawRequest(client, em(), "GET", `${id("Microsoft.DataLakeAnalytics", "accounts", "mladla")}?api-version=2016-11-01`);
    expect(adla.status).toBe(404);
    expect(adla.body).toMatchObject({ error: { code: "ResourceNotFound" } });
  });

  it("refuses to Detach a compute Azure ML created", async () => {
    const client = mlClient(em());
    await client.computeOperations.beginCreateOrUpdateAndWait(RG, WS, "c1", { properties: { computeType: "AmlCompute", properties: { scaleSettings: { maxNodeCount: 1 } } } }, FAST);
    await expect(client.computeOperations.beginDeleteAndWait(RG, WS, "c1", "Detach", FAST)).rejects.toMatchObject({ statusCode: 400, code: "BadRequest" });
  });

  it("takes underlyingResourceAction in any case, as azureml-core sends it (\"detach\")", async () => {
    const client = mlClient(em());
    const vm = { properties: { computeType: "VirtualMachine" as const, resourceId: VM, properties: { sshPort: 22, administratorAccount: { username: "azureuser", password: em().demoSecrets.AML_VM_PASSWORD } } } };
    await client.computeOperations.beginCreateOrUpdateAndWait(RG, WS, "dsvm-lc", vm, FAST);
    await client.computeOperations.beginDeleteAndWait(RG, WS, "dsvm-lc", "detach" as never, FAST);
    expect((await rawRequest(client, em(), "GET", `${VM}?api-version=2023-03-01`)).status).toBe(200);
    await client.computeOperations.beginCreateOrUpdateAndWait(RG, WS, "c-lc", { properties: { computeType: "AmlCompute", properties: { scaleSettings: { maxNodeCount: 1 } } } }, FAST);
    await client.computeOperations.beginDeleteAndWait(RG, WS, "c-lc", "DELETE" as never, FAST);
    await expect(client.computeOperations.get(RG, WS, "c-lc")).rejects.toMatchObject({ statusCode: 404 });
    await expect(client.computeOperations.beginDelete(RG, WS, "c1", "remove" as never)).rejects.toMatchObject({ statusCode: 400, code: "InvalidQueryParameterValue" });
  });
});
