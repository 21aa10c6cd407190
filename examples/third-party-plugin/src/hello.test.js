import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isComputeflowError } from "@computeflow/core";
import { assertConformance, createStepContext, pollOperation } from "@computeflow/core/testing";
import { startEmulator } from "@computeflow/emulator";
import hello from "./index.js";

/** @type {import("@computeflow/emulator").RunningEmulator} */
let emulator;

beforeAll(async () => {
  emulator = await startEmulator({ timeScale: 0.01, ssh: false });
});
afterAll(() => emulator?.close());
beforeEach(() => emulator.reset());

/**
 * Plan, then the hook, then core's poller: what the engine does for one step.
 * @param {"provision" | "delete"} action @param {string} name @param {Record<string, unknown>} input
 */
async function run(action, name, input) {
  const base = { endpoint: emulator.endpoint, caCert: emulator.caCert, step: { id: name, uses: "./src/index.js", action }, with: input };
  const plan = await hello.plan(createStepContext(base).ctx);
  const { ctx } = createStepContext({ ...base, plan });
  const result = await (action === "delete" ? hello.delete : hello.provision)(ctx);
  const status = result.operation ? await pollOperation(result.operation, ctx, { timeoutMs: 20_000 }) : undefined;
  return { plan, result, status };
}

describe("computeflow-plugin-hello", () => {
  it("passes core's conformance check against the emulator", async () => {
    await assertConformance(hello, {
      endpoint: emulator.endpoint,
      caCert: emulator.caCert,
      requests: () => emulator.requests(),
      cases: {
        provision: { name: "hello1", with: { greeting: "hi", max_nodes: 2 } },
        delete: { name: "hello1", with: {} },
      },
      errorCases: {
        provision: { name: "hello2", with: { greeting: "hi", vm_size: "Standard_NOPE_v9" }, code: "E_VALIDATION" },
      },
    });
  });

  it("creates an AmlCompute cluster carrying the greeting, then changes nothing", async () => {
    const first = await run("provision", "hello3", { greeting: "hello world" });
    expect(first.plan.change).toBe("create");
    expect(first.status).toEqual({ done: true, outputs: expect.objectContaining({ name: "hello3", greeting: "hello world", provisioning_state: "Succeeded" }) });
    const put = emulator.requests().find((r) => r.method === "PUT");
    expect(put?.body).toMatchObject({ properties: { computeType: "AmlCompute", description: "hello world", properties: { scaleSettings: { minNodeCount: 0, maxNodeCount: 1 } } } });
    const second = await run("provision", "hello3", { greeting: "hello world" });
    expect(second.result).toMatchObject({ changed: false, outputs: { greeting: "hello world" } });
    expect(emulator.requests().filter((r) => r.method !== "GET")).toHaveLength(1);
  });

  it("refuses to change a greeting in place, with a code and a reason", async () => {
    await run("provision", "hello4", { greeting: "one" });
    const error = await run("provision", "hello4", { greeting: "two" }).catch((e) => e);
    expect(isComputeflowError(error)).toBe(true);
    expect(error.code).toBe("E_REPLACE_REQUIRED");
  });
});
