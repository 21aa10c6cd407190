import { startEmulator, type RunningEmulator } from "@computeflow/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staticTokenCredential } from "../azure/credential.js";
import { definePlugin, type ArmRequest, type BodyContext } from "../plugin.js";
import { fakeStep, fakeWorkflow } from "../testing/fake-step.js";
import { exportArmTemplate } from "./export-template.js";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ timeScale: 0.01, ssh: false });
});
afterAll(() => emu.close());

/** An API 2 plugin whose provision has body(); its plan and apply count calls (a template must not need them). */
function bodyPlugin(request: (input: { vm_size: string; max_nodes: number; description?: string }, ctx: BodyContext) => ArmRequest) {
  const calls: string[] = [];
  const plugin = definePlugin({
    apiVersion: 2,
    name: "bodied",
    actions: {
      provision: {
        schema: { type: "object", properties: { vm_size: { type: "string" }, max_nodes: { type: "integer", default: 4 }, description: { type: "string" } } },
        outputs: { name: "compute name", id: "compute id" },
        body: (input, ctx) => request(input as { vm_size: string; max_nodes: number; description?: string }, ctx),
        async plan() {
          calls.push("plan");
          return { change: "create", summary: "create" };
        },
        async apply() {
          calls.push("apply");
          return { outputs: {} };
        },
      },
    },
  });
  return { plugin, calls };
}

const computePath = (ctx: BodyContext) =>
  `/subscriptions/${ctx.workspace.subscriptionId}/resourceGroups/${ctx.workspace.resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/${ctx.workspace.name}/computes/${ctx.computeName}`;

const exportOf = (steps: ReturnType<typeof fakeStep>[]) => exportArmTemplate(fakeWorkflow("/tmp/unused", steps), { endpoint: emu.endpoint, caCert: emu.caCert, credential: staticTokenCredential() });

describe("export --format arm: bodies from the plugin's body(input)", () => {
  it("takes each resource from body(): defaults applied, the workspace's region, outputs of needs as expressions; plan and apply never run", async () => {
    const { plugin, calls } = bodyPlugin((input, ctx) => ({
      method: "PUT",
      path: computePath(ctx),
      apiVersion: "2021-07-01",
      body: { location: ctx.location, properties: { computeType: "AmlCompute", description: input.description, properties: { vmSize: input.vm_size, scaleSettings: { maxNodeCount: input.max_nodes } } } },
    }));
    const first = fakeStep({ id: "first", plugin, action: "provision", with: () => ({ vm_size: "Standard_D1_v2" }) });
    const second = fakeStep({ id: "second", plugin, action: "provision", needs: ["first"], with: (o) => ({ vm_size: "Standard_D2_v2", max_nodes: 2, description: `after ${String(o.first?.id)}` }) });
    const { template } = await exportOf([first, second]);

    expect(calls).toEqual([]);
    const [a, b] = template.resources;
    expect(a).toMatchObject({ name: "ml-ws/first", apiVersion: "2021-07-01", location: "westeurope", properties: { computeType: "AmlCompute", properties: { vmSize: "Standard_D1_v2", scaleSettings: { maxNodeCount: 4 } } } });
    expect(a).not.toHaveProperty("dependsOn");
    expect(b).toMatchObject({ name: "ml-ws/second", properties: { properties: { vmSize: "Standard_D2_v2", scaleSettings: { maxNodeCount: 2 } } } });
    expect(b!.dependsOn).toEqual([expect.stringContaining("'first'")]);
    const description = (b!.properties as { description: string }).description;
    expect(description).toMatch(/^\[concat\('after ', resourceId\(.*'first'\)\)\]$/);
  });

  it("refuses a body() that is not one PUT of a workspace compute, naming the step", async () => {
    const { plugin } = bodyPlugin((_input, ctx) => ({ method: "POST", path: `${computePath(ctx)}/start`, apiVersion: "2021-07-01", body: undefined }));
    const step = fakeStep({ id: "starter", plugin, action: "provision", with: () => ({ vm_size: "Standard_D1_v2" }) });
    await expect(exportOf([step])).rejects.toMatchObject({ code: "E_ARM_UNSUPPORTED", message: expect.stringMatching(/^step starter: .*body\(\) gives POST .*\/start/) });
  });

  it("refuses an action without body(), naming the step and the plugin; nothing of it runs", async () => {
    const calls: string[] = [];
    const plugin = definePlugin({
      apiVersion: 2,
      name: "bodiless",
      actions: {
        provision: {
          schema: { type: "object", properties: { vm_size: { type: "string" } } },
          outputs: { name: "compute name" },
          async plan() {
            calls.push("plan");
            return { change: "create", summary: "create" };
          },
          async apply() {
            calls.push("apply");
            return { outputs: {} };
          },
        },
      },
    });
    const step = fakeStep({ id: "legacy", plugin, action: "provision", with: () => ({ vm_size: "Standard_D1_v2" }) });
    await expect(exportOf([step])).rejects.toMatchObject({ code: "E_ARM_UNSUPPORTED", message: expect.stringMatching(/^step legacy: .*declares no body\(\) for action "provision"/) });
    expect(calls).toEqual([]);
    expect(emu.requests().filter((r) => r.method === "PUT")).toEqual([]);
  });
});

describe("export --format arm: an action whose body reads its plan (planBeforeBody)", () => {
  /** Its plan "reads" a value only Azure knows and puts it in state; body takes it from ctx.plan. */
  function plannedPlugin(plan: () => { change: string; state?: unknown; code?: string; reason?: string; hint?: string }) {
    const calls: string[] = [];
    const plugin = definePlugin({
      apiVersion: 2,
      name: "planned",
      actions: {
        attach: {
          schema: { type: "object", properties: {} },
          outputs: { name: "compute name", id: "compute id" },
          planBeforeBody: true,
          body: (_input, ctx) => ({
            method: "PUT",
            path: computePath(ctx),
            apiVersion: "2021-07-01",
            body: { properties: { computeType: "Databricks", properties: { workspaceUrl: (ctx.plan?.state as { url?: string } | undefined)?.url } } },
          }),
          async plan() {
            calls.push("plan");
            return plan();
          },
          async apply() {
            calls.push("apply");
            return { outputs: {} };
          },
        },
      },
    });
    return { plugin, calls };
  }

  it("plans the step first (reads only) and hands body() that plan; apply never runs", async () => {
    const { plugin, calls } = plannedPlugin(() => ({ change: "attach", state: { url: "adb-1.7.azuredatabricks.net" } }));
    const { template } = await exportOf([fakeStep({ id: "dbx", plugin, action: "attach", with: () => ({}) })]);
    expect(calls).toEqual(["plan"]);
    expect(template.resources[0]).toMatchObject({ name: "ml-ws/dbx", properties: { computeType: "Databricks", properties: { workspaceUrl: "adb-1.7.azuredatabricks.net" } } });
  });

  it("refuses a step whose plan is blocked, with the plan's code, naming the step", async () => {
    const { plugin, calls } = plannedPlugin(() => ({ change: "blocked", code: "E_NOT_FOUND", reason: "Databricks workspace dbx-ws not found", hint: "check workspace_name" }));
    await expect(exportOf([fakeStep({ id: "dbx", plugin, action: "attach", with: () => ({}) })])).rejects.toMatchObject({ code: "E_NOT_FOUND", message: expect.stringMatching(/^step dbx: .*dbx-ws not found/) });
    expect(calls).toEqual(["plan"]);
  });
});
