import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStepContext, pollOperation } from "@computeflow/core/testing";
import { startEmulator, type RunningEmulator } from "@computeflow/emulator";
import plugin from "./index.js";

// Slow enough (an attach takes about a second) to see it in flight.
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ timeScale: 0.5, ssh: false });
});
afterAll(() => emulator?.close());

describe("an attach interrupted after its PUT", () => {
  it("is planned in-progress on the next run, watched to the end, and never sent twice", async () => {
    const base = { endpoint: emulator.endpoint, caCert: emulator.caCert, step: { id: "mybatch", uses: "batch", action: "attach" }, with: { resource_group: "ml-rg", account_name: "mlbatch" } };
    const firstPlan = await plugin.actions.attach!.plan!(createStepContext(base).ctx);
    await plugin.actions.attach!.apply(createStepContext({ ...base, plan: firstPlan }).ctx);

    const resumed = await plugin.actions.attach!.plan!(createStepContext(base).ctx);
    expect(resumed).toMatchObject({ change: "in-progress", summary: "mybatch is creating: waiting for it" });
    const { ctx } = createStepContext({ ...base, plan: resumed });
    const result = await plugin.actions.attach!.apply(ctx);
    const status = await pollOperation(result.operation!, ctx, { timeoutMs: 20_000 });
    expect(status).toMatchObject({ done: true, outputs: { name: "mybatch" } });
    expect(emulator.requests().filter((r) => r.method === "PUT")).toHaveLength(1);
  });
});
