import { startEmulator, type RunningEmulator } from "@computeflow/emulator";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createRunServices } from "../runtime/run-services.js";
import { createWorkspaceReader } from "../runtime/poll-reader.js";
import { stepScope } from "../runtime/step-scope.js";
import { staticTokenCredential } from "./credential.js";

const SUB = "00000000-0000-0000-0000-000000000000";
const WS = { subscriptionId: SUB, resourceGroup: "ml-rg", name: "ml-ws" };
let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ timeScale: 0.05, ssh: false });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

function services() {
  return createRunServices({ subscriptionId: SUB, endpoint: emu.endpoint, caCert: emu.caCert, credential: staticTokenCredential() });
}

/** ARM requests so far, as "METHOD path" without the query. */
function sent(): string[] {
  return emu
    .requests()
    .filter((r) => !r.path.startsWith("/_emulator"))
    .map((r) => `${r.method} ${r.path.split("?")[0]}`);
}
const count = (pattern: RegExp) => sent().filter((line) => pattern.test(line)).length;
const cluster = { location: "westeurope", properties: { computeType: "AmlCompute" as const, properties: { vmSize: "STANDARD_D2_V2", scaleSettings: { maxNodeCount: 1 } } } };

describe("the run's shared reads", () => {
  it("reads the workspace, VM sizes, usages, quotas and computes once, however many steps ask at once", async () => {
    const reads = services().azure.reads;
    const asks = Array.from({ length: 25 }, (_, i) =>
      stepScope.run({ stepId: `s${i}` }, () =>
        Promise.all([reads.workspace(WS), reads.vmSizes("westeurope"), reads.usages("westeurope"), reads.quotas("westeurope"), reads.compute(WS, `c${i}`), reads.computes(WS)]),
      ),
    );
    const results = await Promise.all(asks);
    expect(results[0]![0].location).toBe("westeurope");
    expect(results[0]![1].length).toBeGreaterThan(3);
    expect(results.every((r) => r[4] === undefined)).toBe(true);
    expect(count(/^GET .*\/workspaces\/ml-ws$/)).toBe(1);
    expect(count(/\/vmSizes$/)).toBe(1);
    expect(count(/\/usages$/)).toBe(1);
    expect(count(/\/quotas$/)).toBe(1);
    expect(count(/\/computes$/)).toBe(1);
    expect(count(/\/computes\/c\d+$/)).toBe(0);
    // Later asks are served too, without a request.
    await reads.vmSizes("WestEurope");
    expect(sent()).toHaveLength(5);
  });

  it("reads a compute this run wrote to by name until a newer list (the poller's) shows it", async () => {
    const run = services();
    const reads = run.azure.reads;
    expect(await reads.compute(WS, "fresh")).toBeUndefined();
    // A raw PUT: the SDK's begin* would poll once, and when the create has already ended (a
    // loaded machine) read the compute itself, a GET this test would count as the cache's.
    const path = `/subscriptions/${WS.subscriptionId}/resourceGroups/${WS.resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/${WS.name}/computes/fresh`;
    expect((await run.azure.send({ method: "PUT", path, apiVersion: "2021-07-01", body: cluster })).status).toBe(201);
    const afterWrite = await reads.compute(WS, "fresh");
    expect(afterWrite?.properties?.computeType).toBe("AmlCompute");
    expect(count(/^GET .*\/computes\/fresh$/)).toBe(1);
    // The poller's list after the write serves it again from the list.
    await createWorkspaceReader((request) => run.azure.send(request), WS, (run.azureFor(SUB) as unknown as { feed: Parameters<typeof createWorkspaceReader>[2] }).feed).compute("fresh");
    expect((await reads.compute(WS, "fresh"))?.name).toBe("fresh");
    expect(count(/^GET .*\/computes\/fresh$/)).toBe(1);
    expect(count(/\/computes$/)).toBe(2);
  });

  it("counts the vCPUs other steps of the run claimed as used; a step's own claim is not counted twice", async () => {
    const reads = services().azure.reads;
    const family = (list: Awaited<ReturnType<typeof reads.usages>>) => list.find((u) => u.name?.value === "standardDv2Family")!;
    const before = family(await stepScope.run({ stepId: "a" }, () => reads.usages("westeurope")));
    expect(await stepScope.run({ stepId: "a" }, async () => reads.claimUsage("westeurope", [before], 8))).toBe(true);
    expect(await stepScope.run({ stepId: "a" }, async () => reads.claimUsage("westeurope", [before], 12))).toBe(true);
    // b cannot take more than is left after a's claim.
    expect(await stepScope.run({ stepId: "b" }, async () => reads.claimUsage("westeurope", [before], (before.limit ?? 0) - (before.currentValue ?? 0) - 11))).toBe(false);
    const seenByA = family(await stepScope.run({ stepId: "a" }, () => reads.usages("westeurope")));
    const seenByB = family(await stepScope.run({ stepId: "b" }, () => reads.usages("westeurope")));
    expect(seenByA.currentValue).toBe(before.currentValue);
    expect(seenByB.currentValue).toBe((before.currentValue ?? 0) + 12);
    expect(count(/\/usages$/)).toBe(1);
  });

  it("does not keep a failed read: the next ask reads again", async () => {
    const reads = services().azure.reads;
    await expect(reads.workspace({ ...WS, name: "no-such-ws" })).rejects.toThrow();
    await expect(reads.workspace({ ...WS, name: "no-such-ws" })).rejects.toThrow();
    expect(count(/\/workspaces\/no-such-ws$/)).toBe(2);
  });
});
