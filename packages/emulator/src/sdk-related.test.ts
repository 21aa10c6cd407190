import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { BatchManagementClient } from "@azure/arm-batch";
import { DataLakeAnalyticsAccountManagementClient } from "@azure/arm-datalake-analytics";
import { ClientSecretCredential } from "@azure/identity";
import { describe, expect, it } from "vitest";
import { AzureMachineLearningWorkspaces } from "@azure/arm-machinelearningservices";
import { RG, useEmulator, staticCredential, SUB, WS } from "./__fixtures__/clients.js";

const em = useEmulator();

describe("the other SDKs and the real sign-in path", () => {
  it("@azure/arm-batch reads the Batch account; a missing one is ResourceNotFound", async () => {
    const client = new BatchManagementClient(staticCredential, SUB, {
      endpoint: em().endpoint,
      tlsOptions: { ca: em().caCert },
      credentialScopes: ["https://management.azure.com/.default"],
    });
    const account = await client.batchAccountOperations.get(RG, "mlbatch");
    expect(account).toMatchObject({ name: "mlbatch", provisioningState: "Succeeded", accountEndpoint: "mlbatch.westeurope.batch.azure.com" });
    await expect(client.batchAccountOperations.get(RG, "ghost")).rejects.toMatchObject({ statusCode: 404, code: "ResourceNotFound" });
    expect(em().requests().at(-1)?.path).toContain("api-version=2023-11-01");
  });

  it("@azure/arm-datalake-analytics (ms-rest-js) reads the ADLA account over HTTPS", async () => {
    const client = new DataLakeAnalyticsAccountManagementClient(staticCredential as never, SUB, {
      baseUri: em().endpoint,
      agentSettings: { http: new HttpAgent(), https: new HttpsAgent({ ca: em().caCert }) },
      noRetryPolicy: true,
    });
    const account = await client.accounts.get(RG, "mladla");
    expect(account).toMatchObject({ name: "mladla", provisioningState: "Succeeded", state: "Active", defaultDataLakeStoreAccount: "mladls" });
    await expect(client.accounts.get(RG, "ghost")).rejects.toMatchObject({ statusCode: 404, code: "ResourceNotFound" });
  });

  it("a real ClientSecretCredential signs in against the token routes and the token is used", async () => {
    const credential = new ClientSecretCredential("11111111-1111-1111-1111-111111111111", "client-id", "client-secret-value", {
      authorityHost: em().endpoint,
      disableInstanceDiscovery: true,
      tlsOptions: { ca: em().caCert },
    } as never);
    const client = new AzureMachineLearningWorkspaces(credential, SUB, { endpoint: em().endpoint, tlsOptions: { ca: em().caCert } });
    const ws = await client.workspaces.get(RG, WS);
    expect(ws.name).toBe(WS);
    const ops = em().requests().map((r) => r.operation);
    expect(ops).toContain("entra.token");
    expect(ops.indexOf("entra.token")).toBeLessThan(ops.indexOf("workspaces.get"));
    expect(JSON.stringify(em().requests())).not.toContain("client-secret-value");
  });
});
