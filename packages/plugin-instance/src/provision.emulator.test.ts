import { defaultWorld, startEmulator } from "@computeflow/emulator";
import type { RunningEmulator, World } from "@computeflow/emulator";
import { createStepContext } from "@computeflow/core/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import plugin from "./index.js";
import { outputsOf, runStep, writes } from "@computeflow/compute-kit/testing";

const SUB = "00000000-0000-0000-0000-000000000000";
const WS2 = { subscriptionId: SUB, resourceGroup: "ml-rg", name: "ml-ws2" };
let emulator: RunningEmulator;

function twoWorkspaces(): World {
  const world = structuredClone(defaultWorld());
  world.subscriptions[0]!.resource_groups[0]!.workspaces!.push({ name: "ml-ws2" });
  return { ...world, failing_computes: ["ci-broken"], canceled_computes: ["ci-called-off"] };
}

beforeAll(async () => {
  emulator = await startEmulator({ timeScale: 0.02, ssh: false, world: twoWorkspaces() });
});
afterAll(async () => emulator?.close());
beforeEach(() => emulator.reset());

const step = (id: string, action: string, input: Record<string, unknown>, extra = {}) => runStep(emulator, plugin, { id, action }, input, extra);

describe("instance against the emulator", () => {
  it("sends every parameter in the official example's shape; ready when Running", async () => {
    const run = await step("ci-alice", "provision", {
      vm_size: "STANDARD_DS3_V2", ssh_public_access: true, admin_user_ssh_public_key: "ssh-ed25519 AAAAC3Nz demo",
      vnet_resourcegroup_name: "ml-rg", vnet_name: "ml-vnet", subnet_name: "default",
      assigned_user_object_id: "00000000-0000-0000-0000-0000000000a1", assigned_user_tenant_id: "11111111-1111-1111-1111-111111111111",
      tags: { owner: "alice" }, description: "notebook VM",
    });
    expect(run.plan.change).toBe("create");
    const outputs = outputsOf(run);
    expect(writes(emulator).map((r) => r.method)).toEqual(["PUT"]);
    expect(writes(emulator)[0]?.body).toEqual({
      location: "westeurope",
      tags: { owner: "alice" },
      properties: {
        computeType: "ComputeInstance",
        description: "notebook VM",
        properties: {
          vmSize: "STANDARD_DS3_V2",
          subnet: { id: `/subscriptions/${SUB}/resourceGroups/ml-rg/providers/Microsoft.Network/virtualNetworks/ml-vnet/subnets/default` },
          applicationSharingPolicy: "Personal",
          sshSettings: { sshPublicAccess: "Enabled", adminPublicKey: "ssh-ed25519 AAAAC3Nz demo" },
          computeInstanceAuthorizationType: "personal",
          personalComputeInstanceSettings: { assignedUser: { objectId: "00000000-0000-0000-0000-0000000000a1", tenantId: "11111111-1111-1111-1111-111111111111" } },
        },
      },
    });
    expect(outputs).toMatchObject({ name: "ci-alice", state: "Running" });
    expect(outputs.endpoints).toEqual(expect.arrayContaining([expect.stringMatching(/^https:\/\/ci-alice\./)]));
  });

  it("get-or-create: the second run finds it and writes nothing", async () => {
    outputsOf(await step("ci-alice", "provision", {}));
    const before = writes(emulator).length;
    const again = await step("ci-alice", "provision", {});
    expect(again.plan.change).toBe("noop");
    expect(outputsOf(again)).toMatchObject({ state: "Running" });
    expect(writes(emulator).length).toBe(before);
  });

  it("unique_name adds 8 hex digits of the workspace id, the same on every run", async () => {
    const first = outputsOf(await step("ci", "provision", { unique_name: true }));
    expect(first.name).toMatch(/^ci-[0-9a-f]{8}$/);
    const again = await step("ci", "provision", { unique_name: true });
    expect(again.plan.change).toBe("noop");
    expect(outputsOf(again).name).toBe(first.name);
    const other = outputsOf(await step("ci", "provision", { unique_name: true }, { workspace: WS2 }));
    expect(other.name).not.toBe(first.name);
  });

  it("plan blocks a name taken in another workspace of the region, before any write", async () => {
    outputsOf(await step("shared-ci", "provision", {}, { workspace: WS2 }));
    const before = writes(emulator).length;
    const run = await step("shared-ci", "provision", {});
    expect(run.plan).toMatchObject({ change: "blocked", code: "E_CONFLICT" });
    expect(run.plan.reason).toContain("compute instance name shared-ci is taken in westeurope");
    expect(run.plan.reason).toContain("/workspaces/ml-ws2/computes/shared-ci");
    expect(run.plan.hint).toContain("unique_name: true");
    expect(run.error).toMatchObject({ code: "E_CONFLICT" });
    expect(writes(emulator).length).toBe(before);
  });

  it("a name taken after the plan (a race) fails the create as E_CONFLICT with ARM's error", async () => {
    const plan = { change: "create" as const, state: { kind: "create", name: "raced-ci", location: "westeurope" } };
    outputsOf(await step("raced-ci", "provision", {}, { workspace: WS2 }));
    const { ctx } = createStepContext({ endpoint: emulator.endpoint, caCert: emulator.caCert, step: { id: "raced-ci", action: "provision" }, with: {}, plan });
    await expect(plugin.actions.provision.apply(ctx)).rejects.toMatchObject({ code: "E_CONFLICT", arm: [{ code: "ComputeInstanceNameNotAvailable" }] });
  });

  it("stop, stop again (no-op), start, restart", async () => {
    outputsOf(await step("ci-alice", "provision", {}));
    const stop = await step("stop-ci", "stop", { compute: "ci-alice" });
    expect(stop.plan.change).toBe("stop");
    expect(outputsOf(stop)).toMatchObject({ state: "Stopped" });
    const again = await step("stop-ci", "stop", { compute: "ci-alice" });
    expect(again.plan.change).toBe("noop");
    expect(again.result?.changed).toBe(false);
    const start = await step("start-ci", "start", { compute: "ci-alice" });
    expect(outputsOf(start)).toMatchObject({ state: "Running" });
    const restart = await step("restart-ci", "restart", { compute: "ci-alice" });
    expect(outputsOf(restart)).toMatchObject({ state: "Running" });
    expect(writes(emulator).map((r) => r.path.split("?")[0]!.split("/").pop())).toEqual(["ci-alice", "stop", "start", "restart"]);
  });

  it("provision starts an existing stopped instance", async () => {
    outputsOf(await step("ci-alice", "provision", {}));
    outputsOf(await step("stop-ci", "stop", { compute: "ci-alice" }));
    const run = await step("ci-alice", "provision", {});
    expect(run.plan.change).toBe("start");
    expect(outputsOf(run)).toMatchObject({ state: "Running" });
  });

  it("a vm_size change needs replacement; unknown sizes and missing instances are blocked", async () => {
    outputsOf(await step("ci-alice", "provision", {}));
    const replace = await step("ci-alice", "provision", { vm_size: "Standard_D2_v3" });
    expect(replace.plan.change).toBe("replace-required");
    expect(replace.error).toMatchObject({ code: "E_REPLACE_REQUIRED" });
    const unknown = await step("ci-bob", "provision", { vm_size: "Standard_X1" });
    expect(unknown.plan).toMatchObject({ change: "blocked", code: "E_VM_SIZE" });
    const missing = await step("start-x", "start", { compute: "nobody" });
    expect(missing.plan).toMatchObject({ change: "blocked", code: "E_NOT_FOUND" });
    expect(writes(emulator).map((r) => r.method)).toEqual(["PUT"]);
  });

  it("a Canceled compute fails its step at once, not at the timeout", async () => {
    const run = await step("ci-called-off", "provision", { vm_size: "STANDARD_DS3_V2" });
    expect(run.status).toMatchObject({ done: true, error: { code: "E_PROVISIONING_FAILED", message: "compute instance ci-called-off failed to provision: Canceled: the operation was canceled in Azure" } });
  });

  it("surfaces a failed provisioning with ARM's code", async () => {
    const run = await step("ci-broken", "provision", {});
    expect(run.status).toMatchObject({ done: true, error: { code: "E_PROVISIONING_FAILED", arm: [{ code: "InternalServerError" }] } });
    expect((run.status as { error: Error }).error.message).toContain("compute instance ci-broken failed to provision");
  });

  it("delete removes it", async () => {
    outputsOf(await step("ci-alice", "provision", {}));
    expect(outputsOf(await step("rm", "delete", { compute: "ci-alice" }))).toEqual({ name: "ci-alice" });
    expect((await step("rm", "delete", { compute: "ci-alice" })).plan.change).toBe("noop");
  });
});
