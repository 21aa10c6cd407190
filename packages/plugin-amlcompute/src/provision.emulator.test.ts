import { defaultWorld, startEmulator } from "@computeflow/emulator";
import type { RunningEmulator } from "@computeflow/emulator";
import { applyDefaults, createStepContext, EMULATOR_WORKSPACE } from "@computeflow/core/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import plugin from "./index.js";
import { provisionSchema } from "./schema.js";
import { outputsOf, runStep, writes } from "@computeflow/compute-kit/testing";

const SUB = "00000000-0000-0000-0000-000000000000";
const COMPUTES = `/subscriptions/${SUB}/resourceGroups/ml-rg/providers/Microsoft.MachineLearningServices/workspaces/ml-ws/computes`;
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ timeScale: 0.02, ssh: false, world: { ...defaultWorld(), hanging_computes: ["stuck-cluster"], canceled_computes: ["called-off"] } });
});
afterAll(async () => emulator?.close());
beforeEach(() => emulator.reset());

const provision = (name: string, input: Record<string, unknown>, allowReplace = false) =>
  runStep(emulator, plugin, { id: name, action: "provision" }, input, { allowReplace, secrets: ["Emulator-Adm1n-Pass!"] });

describe("amlcompute provision against the emulator", () => {
  it("sends every parameter in the official example's shape and waits for Succeeded", async () => {
    const run = await provision("cpu-cluster", {
      vm_size: "STANDARD_D2_V2", vm_priority: "dedicated", min_nodes: 0, max_nodes: 4, idle_seconds_before_scaledown: 300,
      admin_username: "azureuser", admin_user_password: "Emulator-Adm1n-Pass!", admin_user_ssh_key: "ssh-ed25519 AAAAC3Nz demo",
      vnet_resourcegroup_name: "ml-rg", vnet_name: "ml-vnet", subnet_name: "default",
      remote_login_port_public_access: "Disabled", enable_node_public_ip: false,
      identity_type: "SystemAssigned", tags: { team: "ml" }, description: "cpu cluster", location: "westeurope",
    });
    expect(run.plan.change).toBe("create");
    const outputs = outputsOf(run);
    const puts = writes(emulator);
    expect(puts.map((r) => [r.method, r.path.split("?")[0]])).toEqual([["PUT", `${COMPUTES}/cpu-cluster`]]);
    expect(puts[0]?.body).toEqual({
      location: "westeurope",
      tags: { team: "ml" },
      identity: { type: "SystemAssigned" },
      properties: {
        computeType: "AmlCompute",
        description: "cpu cluster",
        properties: {
          vmSize: "STANDARD_D2_V2",
          vmPriority: "Dedicated",
          scaleSettings: { maxNodeCount: 4, minNodeCount: 0, nodeIdleTimeBeforeScaleDown: "PT300S" },
          userAccountCredentials: { adminUserName: "azureuser", adminUserPassword: "Emulator-Adm1n-Pass!", adminUserSshPublicKey: "ssh-ed25519 AAAAC3Nz demo" },
          subnet: { id: `/subscriptions/${SUB}/resourceGroups/ml-rg/providers/Microsoft.Network/virtualNetworks/ml-vnet/subnets/default` },
          remoteLoginPortPublicAccess: "Disabled",
          enableNodePublicIp: false,
        },
      },
    });
    expect(outputs).toMatchObject({ name: "cpu-cluster", id: `${COMPUTES}/cpu-cluster`, vm_size: "STANDARD_D2_V2", max_nodes: 4 });
    expect(typeof outputs.principal_id).toBe("string");
    expect(JSON.stringify(run.plan)).not.toContain("Emulator-Adm1n-Pass!");
    expect(JSON.stringify(outputs)).not.toContain("Emulator-Adm1n-Pass!");
  });

  it("resumes a cluster that is still Creating without a second PUT", async () => {
    // a create that lasts long enough (1 s) for the second run to find it Creating, whatever the machine's load
    const world = defaultWorld();
    const slow = await startEmulator({ timeScale: 0.02, ssh: false, world: { ...world, durations: { ...world.durations, create: 50 } } });
    try {
      const { ctx } = createStepContext({ endpoint: slow.endpoint, caCert: slow.caCert, step: { id: "cpu-cluster", action: "provision" }, with: applyDefaults(provisionSchema, { vm_size: "STANDARD_D2_V2", max_nodes: 2 }) });
      const action = plugin.actions.provision;
      const interrupted = await action.apply({ ...ctx, plan: await action.plan!(ctx) });
      expect(interrupted.operation).toBeDefined();
      const resumed = await runStep(slow, plugin, { id: "cpu-cluster", action: "provision" }, { vm_size: "STANDARD_D2_V2", max_nodes: 2 }, { allowReplace: false, secrets: [] });
      expect(resumed.plan.change).toBe("in-progress");
      expect(outputsOf(resumed)).toMatchObject({ name: "cpu-cluster" });
      expect(writes(slow).map((r) => r.method)).toEqual(["PUT"]);
    } finally {
      await slow.close();
    }
  });

  it("counts low priority nodes against the regional low priority quota", async () => {
    const run = await provision("lowpri", { vm_size: "STANDARD_D2_V2", vm_priority: "lowpriority", max_nodes: 151 });
    expect(run.plan).toMatchObject({ change: "blocked", code: "E_QUOTA" });
    expect(run.plan.reason).toContain("needs 302 vCPUs");
    expect(run.plan.reason).toContain("limit 300");
  });

  it("a second run with the same spec is a no-op: no write", async () => {
    const spec = { vm_size: "STANDARD_D2_V2", max_nodes: 4 };
    outputsOf(await provision("cpu-cluster", spec));
    const before = writes(emulator).length;
    const again = await provision("cpu-cluster", spec);
    expect(again.plan.change).toBe("noop");
    expect(again.result?.changed).toBe(false);
    expect(outputsOf(again)).toMatchObject({ name: "cpu-cluster", max_nodes: 4 });
    expect(writes(emulator).length).toBe(before);
  });

  it("changes scale settings in place with one PATCH", async () => {
    outputsOf(await provision("cpu-cluster", { vm_size: "STANDARD_D2_V2", max_nodes: 4 }));
    const update = await provision("cpu-cluster", { vm_size: "STANDARD_D2_V2", max_nodes: 6, min_nodes: 1, idle_seconds_before_scaledown: 600 });
    expect(update.plan.change).toBe("update");
    expect(update.plan.diff?.map((c) => c.path)).toEqual([
      "properties.properties.scaleSettings.minNodeCount",
      "properties.properties.scaleSettings.maxNodeCount",
      "properties.properties.scaleSettings.nodeIdleTimeBeforeScaleDown",
    ]);
    expect(outputsOf(update)).toMatchObject({ max_nodes: 6 });
    const last = writes(emulator).at(-1);
    expect(last?.method).toBe("PATCH");
    expect(last?.body).toEqual({ properties: { properties: { scaleSettings: { maxNodeCount: 6, minNodeCount: 1, nodeIdleTimeBeforeScaleDown: "PT600S" } } } });
    // Azure answers a scale PATCH 202 Updating with Azure-AsyncOperation (recorded; the emulator does the same)
    expect(last?.status).toBe(202);
  });

  it("adds a managed identity to an existing cluster (the document's add_identity)", async () => {
    const first = outputsOf(await provision("cpu-cluster", { vm_size: "STANDARD_D2_V2", max_nodes: 5 }));
    expect(first.principal_id).toBeNull();
    const add = await provision("cpu-cluster", { vm_size: "STANDARD_D2_V2", max_nodes: 5, identity_type: "SystemAssigned" });
    expect(add.plan).toMatchObject({ change: "update", diff: [{ path: "identity", from: "None", to: "SystemAssigned" }] });
    expect(outputsOf(add)).toMatchObject({ name: "cpu-cluster", max_nodes: 5 });
    expect(outputsOf(add).principal_id).toMatch(/^[0-9a-f-]{36}$/);
    const again = await provision("cpu-cluster", { vm_size: "STANDARD_D2_V2", max_nodes: 5, identity_type: "SystemAssigned" });
    expect(again.plan.change).toBe("noop");
    const put = writes(emulator).at(-1);
    expect(put?.method).toBe("PUT");
    expect((put?.body as { identity?: unknown }).identity).toEqual({ type: "SystemAssigned" });
    // a PUT on an existing cluster comes back 201 Creating (recorded), and the update still completes
    expect(put?.status).toBe(201);
  });

  it("refuses an immutable change unless replacement is allowed", async () => {
    outputsOf(await provision("cpu-cluster", { vm_size: "STANDARD_D2_V2", max_nodes: 2 }));
    const before = writes(emulator).length;
    const refused = await provision("cpu-cluster", { vm_size: "STANDARD_D3_V2", vm_priority: "lowpriority", max_nodes: 2 });
    expect(refused.plan.change).toBe("replace-required");
    expect(refused.plan.diff?.filter((c) => c.immutable).map((c) => c.path)).toEqual(["properties.properties.vmSize", "properties.properties.vmPriority"]);
    expect(refused.plan.notes?.[0]).toContain("restarts, it does not resume");
    expect(refused.error).toMatchObject({ code: "E_REPLACE_REQUIRED" });
    expect(writes(emulator).length).toBe(before);
    const replaced = await provision("cpu-cluster", { vm_size: "STANDARD_D3_V2", vm_priority: "lowpriority", max_nodes: 2 }, true);
    expect(outputsOf(replaced)).toMatchObject({ vm_size: "STANDARD_D3_V2" });
    expect(writes(emulator).slice(before).map((r) => r.method)).toEqual(["DELETE", "PUT"]);
  });

  it("blocks on quota before any write, with the numbers", async () => {
    const run = await provision("gpu-cluster", { vm_size: "Standard_NC6", max_nodes: 10 });
    expect(run.plan).toMatchObject({ change: "blocked", code: "E_QUOTA" });
    expect(run.plan.reason).toContain("10 x Standard_NC6 (6 vCPUs each) needs 60 vCPUs");
    expect(run.plan.reason).toContain("limit 48");
    expect(run.error).toMatchObject({ code: "E_QUOTA" });
    expect(writes(emulator)).toEqual([]);
  });

  it("blocks an unknown vm size before any write", async () => {
    const run = await provision("cpu-cluster", { vm_size: "STANDARD_D2_V9", max_nodes: 1 });
    expect(run.plan).toMatchObject({ change: "blocked", code: "E_VM_SIZE", reason: "vm_size STANDARD_D2_V9 is not offered in westeurope" });
    expect(run.error).toMatchObject({ code: "E_VM_SIZE" });
    expect(writes(emulator)).toEqual([]);
  });

  it("blocks a password Azure would refuse, without echoing it", async () => {
    const run = await provision("cpu-cluster", { vm_size: "STANDARD_D2_V2", admin_username: "u", admin_user_password: "weakpassword" });
    expect(run.plan).toMatchObject({ change: "blocked", code: "E_INPUT" });
    expect(JSON.stringify(run.plan)).not.toContain("weakpassword");
    expect(writes(emulator)).toEqual([]);
  });

  it("surfaces a failed provisioning with ARM's code", async () => {
    const run = await provision("bad-cluster", { vm_size: "STANDARD_FAIL_V1", max_nodes: 1 });
    expect(run.status).toMatchObject({ done: true, error: { code: "E_PROVISIONING_FAILED", arm: [{ code: "AllocationFailed" }] } });
  });

  it("body(input) is exactly the PUT apply sends (path, api-version and JSON body)", async () => {
    const input = { vm_size: "STANDARD_D2_V2", max_nodes: 3, admin_username: "azureuser", admin_user_ssh_key: "ssh-ed25519 AAAAC3Nz demo", identity_type: "SystemAssigned", tags: { team: "ml" } };
    outputsOf(await provision("body-cluster", input));
    const [put] = writes(emulator);
    const request = plugin.actions.provision.body!(applyDefaults(provisionSchema, input), { computeName: "body-cluster", workspace: EMULATOR_WORKSPACE, location: "westeurope", files: {} });
    expect(put?.path).toBe(`${request.path}?api-version=${request.apiVersion}`);
    expect(put?.body).toEqual(JSON.parse(JSON.stringify(request.body)));
  });

  it("a Canceled compute fails its step at once, not at the timeout", async () => {
    const run = await provision("called-off", { vm_size: "STANDARD_D2_V2", max_nodes: 1 });
    expect(run.status).toMatchObject({ done: true, error: { code: "E_PROVISIONING_FAILED", message: "cluster called-off failed to provision: Canceled: the operation was canceled in Azure" } });
  });

  it("never hangs: a cluster stuck in Creating times out", async () => {
    const run = await runStep(emulator, plugin, { id: "stuck-cluster", action: "provision" }, { vm_size: "STANDARD_D2_V2", max_nodes: 1 }, { timeoutMs: 600 });
    expect(run.status).toMatchObject({ done: true, error: { code: "E_TIMEOUT" } });
  });

  it("waits for min_nodes nodes to be idle or running", async () => {
    const run = await provision("warm-cluster", { vm_size: "STANDARD_D2_V2", min_nodes: 2, max_nodes: 2 });
    expect(outputsOf(run)).toMatchObject({ name: "warm-cluster" });
    const { ctx } = createStepContext({ endpoint: emulator.endpoint, caCert: emulator.caCert, step: { id: "read", action: "provision" }, with: {} });
    const live = await (await ctx.azure.ml()).computeOperations.get("ml-rg", "ml-ws", "warm-cluster");
    const counts = (live.properties as { properties?: { nodeStateCounts?: { idleNodeCount?: number; runningNodeCount?: number } } }).properties?.nodeStateCounts;
    expect((counts?.idleNodeCount ?? 0) + (counts?.runningNodeCount ?? 0)).toBeGreaterThanOrEqual(2);
  });

  it("deletes, and deleting again is a no-op", async () => {
    outputsOf(await provision("cpu-cluster", { vm_size: "STANDARD_D2_V2", max_nodes: 1 }));
    const del = await runStep(emulator, plugin, { id: "rm", action: "delete" }, { compute: "cpu-cluster" });
    expect(del.plan.change).toBe("delete");
    expect(outputsOf(del)).toEqual({ name: "cpu-cluster" });
    const again = await runStep(emulator, plugin, { id: "rm", action: "delete" }, { compute: "cpu-cluster" });
    expect(again.plan.change).toBe("noop");
    expect(writes(emulator).filter((r) => r.method === "DELETE")).toHaveLength(1);
  });
});
