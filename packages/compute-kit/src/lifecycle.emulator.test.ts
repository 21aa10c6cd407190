import { createStepContext, pollOperation } from "@computeflow/core/testing";
import { defaultWorld, startEmulator, type RunningEmulator } from "@computeflow/emulator";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { untilReady } from "./readiness.js";
import { putCompute, removeCompute } from "./sdk.js";

let emulator: RunningEmulator;

// create: 0 makes the create end before the SDK's own first poll inside beginCreateOrUpdate
// (the emulator applies due changes when the next request arrives), so that poll meets the
// finished operation every time.
beforeAll(async () => {
  emulator = await startEmulator({ timeScale: 0.02, ssh: false, world: { ...defaultWorld(), create_durations: { AmlCompute: 0 }, canceled_computes: ["off"], failing_computes: ["broken"] } });
});
afterAll(async () => emulator?.close());
beforeEach(() => emulator.reset());

const cluster = { properties: { computeType: "AmlCompute", properties: { vmSize: "STANDARD_D2_V2", scaleSettings: { maxNodeCount: 1, minNodeCount: 0 } } } } as const;

function context(name: string) {
  return createStepContext({ endpoint: emulator.endpoint, caCert: emulator.caCert, step: { id: name, action: "provision" }, with: {} }).ctx;
}

async function createAndWait(name: string) {
  const ctx = context(name);
  await putCompute(ctx, name, { location: "westeurope", ...cluster } as never);
  return pollOperation(untilReady({ kind: "cluster", name, description: `creating ${name}`, outputs: (c) => ({ name: c.name ?? "" }) }), ctx, { timeoutMs: 20_000 });
}

describe("the shared lifecycle against the emulator", () => {
  it("a create that ends Canceled before the SDK's first poll is started, and readiness fails it at once", async () => {
    expect(await createAndWait("off")).toMatchObject({ done: true, error: { code: "E_PROVISIONING_FAILED", message: "cluster off failed to provision: Canceled: the operation was canceled in Azure" } });
  });

  it("a create that ends Failed the same way fails with ARM's provisioning errors", async () => {
    expect(await createAndWait("broken")).toMatchObject({ done: true, error: { code: "E_PROVISIONING_FAILED", arm: [{ code: "InternalServerError" }] } });
  });

  it("a create that succeeds is done with the readiness outputs", async () => {
    expect(await createAndWait("fine")).toMatchObject({ done: true, outputs: { name: "fine" } });
  });

  it("removeCompute sends one DELETE that carries underlyingResourceAction, and no status poll", async () => {
    await createAndWait("gone");
    const before = emulator.requests().length;
    await removeCompute(context("gone"), "gone", "Delete");
    const sent = emulator.requests().slice(before).filter((r) => r.path.startsWith("/subscriptions/"));
    expect(sent.map((r) => `${r.method} ${r.status}`)).toEqual(["DELETE 202"]);
    expect(new URL(sent[0]!.path, "https://x").searchParams.get("underlyingResourceAction")).toBe("Delete");
  });

  it("a DELETE that Azure refuses fails with ARM's reason, prefixed by what was being done", async () => {
    await createAndWait("made");
    await expect(removeCompute(context("made"), "made", "Detach", "detaching made")).rejects.toMatchObject({ message: expect.stringMatching(/^detaching made: .*cannot be detached, only deleted/) });
  });
});
