import { beforeEach, describe, expect, it } from "vitest";
import { mlClient, RG, SUB, until, useEmulator, WS } from "./__fixtures__/clients.js";
import { plain } from "./__fixtures__/https.js";

const em = useEmulator();
beforeEach(() => {
  em().reset();
  em().setFaults(undefined);
});

const API = "api-version=2025-03-01";
const DEP = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Resources/deployments`;
const OPS = (name: string) => `/subscriptions/${SUB}/resourcegroups/${RG}/deployments/${name}/operations?${API}`;
const TOKEN = "t";
const id = (name: string) => `[resourceId('Microsoft.MachineLearningServices/workspaces/computes', '${WS}', '${name}')]`;
const cluster = (name: string, extra: Record<string, unknown> = {}) => ({
  type: "Microsoft.MachineLearningServices/workspaces/computes",
  apiVersion: "2021-07-01",
  name: `${WS}/${name}`,
  ...extra,
  location: "westeurope",
  properties: { computeType: "AmlCompute", properties: { vmSize: "STANDARD_D2_V2", scaleSettings: { maxNodeCount: "[parameters('max')]", minNodeCount: 0 } } },
});
const template = (resources: unknown[], outputs: Record<string, unknown> = {}) => ({
  $schema: "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  contentVersion: "1.0.0.0",
  parameters: { max: { type: "int", defaultValue: 2 } },
  resources,
  outputs,
});
const put = (name: string, t: unknown, parameters: unknown = {}) => plain(em(), "PUT", `${DEP}/${name}?${API}`, { properties: { mode: "Incremental", template: t, parameters } }, TOKEN);
const get = async (name: string) => (await plain(em(), "GET", `${DEP}/${name}?${API}`, undefined, TOKEN)).json() as { properties: Record<string, unknown> };
const settled = (name: string) => until(() => get(name), (d) => !["Accepted", "Running"].includes(String(d.properties.provisioningState)), 400);

describe("Microsoft.Resources/deployments", () => {
  it("creates computes through the compute PUT handler, in dependsOn order, and evaluates outputs", async () => {
    const res = await put("d1", template([cluster("dep-b", { dependsOn: [id("dep-a")] }), cluster("dep-a")], { bId: { type: "string", value: id("dep-b") } }));
    expect(res.status).toBe(201);
    expect(res.headers["azure-asyncoperation"]).toContain("/operationStatuses/");
    const done = await settled("d1");
    expect(done.properties).toMatchObject({ provisioningState: "Succeeded", outputs: { bId: { type: "String", value: expect.stringMatching(/\/computes\/dep-b$/) } } });
    const inner = em().requests().filter((r) => r.via === "deployment:d1");
    expect(inner.map((r) => r.path.split("?")[0]!.split("/").pop())).toEqual(["dep-a", "dep-b"]);
    expect(inner[0]!.body).toEqual({ location: "westeurope", properties: { computeType: "AmlCompute", properties: { vmSize: "STANDARD_D2_V2", scaleSettings: { maxNodeCount: 2, minNodeCount: 0 } } } });
    const b = await mlClient(em()).computeOperations.get(RG, WS, "dep-b");
    expect(b.properties?.provisioningState).toBe("Succeeded");
    const ops = (await plain(em(), "GET", OPS("d1"), undefined, TOKEN)).json() as { value: { properties: { provisioningState: string; targetResource: { resourceName: string } } }[] };
    expect(ops.value.map((o) => [o.properties.targetResource.resourceName, o.properties.provisioningState])).toEqual([[`${WS}/dep-b`, "Succeeded"], [`${WS}/dep-a`, "Succeeded"]]);
  });

  it("a resource that fails (fault spec `fail`) fails the deployment; its dependents never start", async () => {
    em().setFaults("kinds=fail,count=1,match=/computes/dep-a");
    await put("d2", template([cluster("dep-a"), cluster("dep-b", { dependsOn: [id("dep-a")] }), cluster("dep-c")]));
    const done = await settled("d2");
    expect(done.properties).toMatchObject({ provisioningState: "Failed", error: { code: "DeploymentFailed", details: [{ code: "InternalServerError", target: expect.stringMatching(/\/computes\/dep-a$/) }] } });
    const ops = (await plain(em(), "GET", OPS("d2"), undefined, TOKEN)).json() as { value: { properties: Record<string, unknown> }[] };
    const byName = Object.fromEntries(ops.value.map((o) => [(o.properties.targetResource as { resourceName: string }).resourceName, o.properties]));
    expect(byName[`${WS}/dep-a`]).toMatchObject({ provisioningState: "Failed", statusMessage: { error: { code: "InternalServerError" } } });
    expect(byName[`${WS}/dep-c`]).toMatchObject({ provisioningState: "Succeeded" });
    expect(byName[`${WS}/dep-b`]).toBeUndefined();
  });

  it("a second PUT while one runs is 409 DeploymentActive; DELETE of a finished one removes it", async () => {
    em().setFaults("kinds=hang,count=1,match=/computes/dep-a");
    await put("d3", template([cluster("dep-a")]));
    const again = await put("d3", template([cluster("dep-a")]));
    expect(again.status).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: "DeploymentActive" } });
    expect((await plain(em(), "DELETE", `${DEP}/d3?${API}`, undefined, TOKEN)).status).toBe(409);
    em().setFaults(undefined);
    await put("d4", template([cluster("dep-x")]));
    await settled("d4");
    expect((await plain(em(), "DELETE", `${DEP}/d4?${API}`, undefined, TOKEN)).status).toBe(200);
    expect((await plain(em(), "GET", `${DEP}/d4?${API}`, undefined, TOKEN)).status).toBe(404);
  });

  it("refuses an unknown template function with 400 InvalidTemplate and creates nothing", async () => {
    const res = await put("d5", template([cluster("dep-a", { tags: { t: "[utcNow()]" } })]));
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: "InvalidTemplate", message: expect.stringContaining("'utcNow' is not expected") } });
    expect(em().requests().some((r) => r.via !== undefined)).toBe(false);
  });

  it("what-if: Create for a missing compute, NoChange once deployed, Modify with the delta after a change", async () => {
    const whatIf = async (max: number) => {
      const res = await plain(em(), "POST", `${DEP}/w/whatIf?${API}`, { properties: { mode: "Incremental", template: template([cluster("dep-w")]), parameters: { max: { value: max } } } }, TOKEN);
      return (res.json() as { properties: { changes: { changeType: string; delta?: { path: string; before: unknown; after: unknown }[] }[] } }).properties.changes[0]!;
    };
    expect((await whatIf(2)).changeType).toBe("Create");
    await put("w", template([cluster("dep-w")]));
    await settled("w");
    expect((await whatIf(2)).changeType).toBe("NoChange");
    expect(await whatIf(3)).toMatchObject({ changeType: "Modify", delta: [{ path: "properties.properties.scaleSettings.maxNodeCount", before: 2, after: 3 }] });
    expect(em().requests().filter((r) => r.operation === "deployments.whatIf" && r.created)).toEqual([]);
  });
});
