import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isComputeflowError } from "@computeflow/core";
import { assertConformance, EMULATOR_WORKSPACE, runPluginStep } from "@computeflow/core/testing";
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
 * One step as `computeflow run` does it (core's test kit): defaults applied, plan, core's
 * refusal of a blocked or replace-required plan, the action, then the real poller.
 * @param {"provision" | "delete"} action @param {string} name @param {Record<string, unknown>} input
 */
async function run(action, name, input) {
  const step = await runPluginStep(hello, { endpoint: emulator.endpoint, caCert: emulator.caCert, step: { id: name, uses: "./src/index.js", action }, with: input, timeoutMs: 20_000 });
  if (step.error) throw step.error;
  return step;
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

  it("sends exactly what its body() builds (so `export --format arm` and `run` cannot differ)", async () => {
    await run("provision", "hello5", { greeting: "same bytes", max_nodes: 3 });
    const put = emulator.requests().find((r) => r.method === "PUT");
    const request = hello.actions.provision.body?.({ greeting: "same bytes", vm_size: "Standard_D2_v2", max_nodes: 3 }, { computeName: "hello5", workspace: EMULATOR_WORKSPACE, location: "westeurope", files: {} });
    expect(put?.path.split("?")[0]).toBe(request?.path);
    expect(put?.body).toEqual(request?.body);
  });

  it("refuses to change a greeting in place, with a code and a reason", async () => {
    await run("provision", "hello4", { greeting: "one" });
    const error = await run("provision", "hello4", { greeting: "two" }).catch((e) => e);
    expect(isComputeflowError(error)).toBe(true);
    expect(error.code).toBe("E_REPLACE_REQUIRED");
  });
});
