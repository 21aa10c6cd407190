import { defaultWorld, startEmulator, type RunningEmulator } from "@computeflow/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isComputeflowError } from "../errors.js";
import { createRunServices } from "../runtime/run-services.js";
import { listComputes, readCompute } from "./compute-reads.js";
import { staticTokenCredential } from "./credential.js";

const SUB = "00000000-0000-0000-0000-000000000000";
const WS = { subscriptionId: SUB, resourceGroup: "ml-rg", name: "ml-ws" };
const cluster = { location: "westeurope", properties: { computeType: "AmlCompute", properties: { vmSize: "STANDARD_D2_V2", scaleSettings: { maxNodeCount: 1 } } } };
let emu: RunningEmulator;
// Two computes per page: five computes make three pages.
beforeAll(async () => {
  emu = await startEmulator({ timeScale: 0.05, ssh: false, world: { ...defaultWorld(), page_size: 2 } });
});
afterAll(() => emu.close());

const send = () => {
  const azure = createRunServices({ subscriptionId: SUB, endpoint: emu.endpoint, caCert: emu.caCert, credential: staticTokenCredential() }).azure;
  return (request: Parameters<typeof azure.send>[0]) => azure.send(request);
};
const path = (name: string) => `/subscriptions/${SUB}/resourceGroups/ml-rg/providers/Microsoft.MachineLearningServices/workspaces/ml-ws/computes/${name}`;

describe("computes read as ARM's JSON", () => {
  it("lists every page (nextLink) and reads one by name; a missing one is undefined", async () => {
    const raw = send();
    for (const name of ["a1", "a2", "a3", "a4", "a5"]) expect((await raw({ method: "PUT", path: path(name), apiVersion: "2021-07-01", body: cluster })).status).toBe(201);
    const before = emu.requests().length;
    const all = await listComputes(raw, WS);
    expect(all.map((c) => c.name).sort()).toEqual(["a1", "a2", "a3", "a4", "a5"]);
    const lists = emu.requests().slice(before).map((r) => new URL(r.path, emu.endpoint));
    expect(lists.map((u) => u.searchParams.get("$skip"))).toEqual([null, "2", "4"]);
    expect(lists.every((u) => u.searchParams.get("api-version") === "2021-07-01")).toBe(true);
    const one = await readCompute(raw, WS, "a3");
    expect(one).toMatchObject({ name: "a3", properties: { computeType: "AmlCompute", properties: { vmSize: "STANDARD_D2_V2" } } });
    expect(await readCompute(raw, WS, "none")).toBeUndefined();
  });

  it("an error reply is a classified error, as the SDK's would have been", async () => {
    const error = await listComputes(send(), { ...WS, name: "no-such-ws" }).catch((e: unknown) => e);
    expect(isComputeflowError(error) && error.status).toBe(404);
  });
});
