import type { ComputeResource } from "@azure/arm-machinelearningservices";
import { startEmulator, type RunningEmulator } from "@computeflow/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Operation } from "../plugin.js";
import { createStepContext, pollOperation } from "./index.js";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ timeScale: 0.02, ssh: false });
});
afterAll(() => emu.close());

function provisioningState(c: ComputeResource | undefined): string | undefined {
  return (c?.properties as { provisioningState?: string } | undefined)?.provisioningState;
}

function watch(name: string): Operation {
  return {
    description: `creating ${name}`,
    compute: name,
    async check(reader) {
      const state = provisioningState(await reader.compute(name));
      if (state === "Succeeded") return { done: true, outputs: { name } };
      return { done: false, progress: { provisioningState: state ?? "absent" } };
    },
  };
}

const cluster = (vmSize = "STANDARD_D2_V2") => ({
  location: "westeurope",
  properties: { computeType: "AmlCompute" as const, properties: { vmSize, scaleSettings: { maxNodeCount: 2, minNodeCount: 0 } } },
});

describe("createStepContext + pollOperation against the emulator", () => {
  it("gives hooks real SDK clients and drives their operations to completion", async () => {
    const names = ["tc-a", "tc-b", "tc-c"];
    const contexts = names.map((name) => createStepContext({ endpoint: emu.endpoint, caCert: emu.caCert, step: { id: name, action: "provision" }, with: {} }));
    const ml = await contexts[0]!.ctx.azure.ml();
    for (const name of names) await ml.computeOperations.beginCreateOrUpdate("ml-rg", "ml-ws", name, cluster());
    const statuses = await Promise.all(contexts.map(({ ctx }, i) => pollOperation(watch(names[i]!), ctx, { timeoutMs: 20_000 })));
    expect(statuses).toEqual(names.map((name) => ({ done: true, outputs: { name } })));
    const lists = emu.requests().filter((r) => r.operation === "computes.list");
    expect(lists.length).toBeGreaterThan(0);
    expect(emu.requests().filter((r) => r.method === "PUT" && r.created)).toHaveLength(3);
  });

  it("redacts secrets from what the hook logs and times out with E_TIMEOUT", async () => {
    const { ctx, events } = createStepContext({ endpoint: emu.endpoint, caCert: emu.caCert, step: { id: "s", action: "attach" }, with: { password: "hunter2-canary" }, secrets: ["hunter2-canary"] });
    ctx.secret("token-xyz-123");
    ctx.log.warn(`using ${String(ctx.with.password)} and token-xyz-123`);
    expect(events).toMatchObject([{ type: "step_log", level: "warn", message: "using *** and ***" }]);
    const never: Operation = { description: "waiting", check: async () => ({ done: false }) };
    const status = await pollOperation(never, ctx, { timeoutMs: 300 });
    expect(status).toMatchObject({ done: true, error: { code: "E_TIMEOUT" } });
  });

  it("maps an emulated VM's SSH address to its loopback endpoint, and anything else to itself", async () => {
    const { ctx } = createStepContext({ endpoint: emu.endpoint, caCert: emu.caCert, step: { id: "vm", action: "attach" }, with: {} });
    expect(await ctx.azure.sshEndpoint("203.0.113.77", 2222)).toEqual({ host: "203.0.113.77", port: 2222 });
    const [addr, mapped] = Object.entries(emu.sshEndpoints)[0] ?? [];
    if (addr && mapped) {
      const [host, port] = [addr.slice(0, addr.lastIndexOf(":")), Number(addr.slice(addr.lastIndexOf(":") + 1))];
      expect(await ctx.azure.sshEndpoint(host, port)).toEqual({ host: "127.0.0.1", port: Number(mapped.split(":")[1]) });
    }
  });
});
