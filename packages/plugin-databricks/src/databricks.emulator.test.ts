import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { assertAttachConformance, runStep } from "@computeflow/attach-kit/testing";
import { EMULATOR_WORKSPACE } from "@computeflow/core/testing";
import { defaultWorld, startEmulator, type RunningEmulator } from "@computeflow/emulator";
import plugin from "./index.js";

const DBX = `/subscriptions/${EMULATOR_WORKSPACE.subscriptionId}/resourceGroups/dbx-rg/providers/Microsoft.Databricks/workspaces/dbx-ws`;
let emulator: RunningEmulator;
let token: string;

beforeAll(async () => {
  emulator = await startEmulator({ timeScale: 0.01, ssh: false, world: { ...defaultWorld(), canceled_computes: ["dbx-off"] } });
  token = emulator.demoSecrets.AML_DATABRICKS_ACCESS_TOKEN!;
});
afterAll(() => emulator?.close());
beforeEach(() => emulator.reset());

const writes = () => emulator.requests().filter((r) => r.method !== "GET");
const input = (extra: Record<string, unknown> = {}) => ({ resource_group: "dbx-rg", workspace_name: "dbx-ws", access_token: token, ...extra });
const attach = (name: string, extra: Record<string, unknown> = {}) => runStep(plugin, emulator, "attach", name, input(extra), { secrets: [token] });

describe("databricks attach against the emulator", () => {
  it("a Canceled compute fails its step at once, not at the timeout (attach-kit's readiness)", async () => {
    const run = await attach("dbx-off");
    expect(run.error).toMatchObject({ code: "E_PROVISIONING_FAILED", message: "attaching dbx-off failed: Canceled: the operation was canceled in Azure" });
  });

  it("passes core's conformance check (attach, configure-run, detach, coded errors, no secret leaks)", async () => {
    await assertAttachConformance(plugin, emulator, {
      name: "dbx",
      attach: input(),
      configureRun: { run_name: "train" },
      failing: { with: input({ workspace_name: "dbx-gone" }), code: "E_NOT_FOUND" },
      secrets: [token],
    });
  });

  it("verifies the workspace in the same subscription and sends the Databricks body, never logging the token", async () => {
    const run = await attach("dbx");
    expect(run.plan.change).toBe("attach");
    expect(run.outputs).toEqual({ name: "dbx", id: expect.stringMatching(/\/computes\/dbx$/), resource_id: DBX });
    expect(writes().map((w) => w.body)).toEqual([
      {
        location: "westeurope",
        properties: { computeType: "Databricks", resourceId: DBX, properties: { databricksAccessToken: token, workspaceUrl: "adb-1234567890123456.7.azuredatabricks.net" } },
      },
    ]);
    // the PUT is body()'s, built from the same plan (planBeforeBody): the two cannot drift
    const request = plugin.actions.attach!.body!({ ...input(), reattach: false }, { computeName: "dbx", workspace: EMULATOR_WORKSPACE, location: "westeurope", files: {}, plan: run.plan });
    expect(writes()[0]).toMatchObject({ method: "PUT", path: expect.stringContaining(`${request.path}?api-version=${request.apiVersion}`), body: request.body });
    expect(JSON.stringify(run)).not.toContain(token);
    expect((await attach("dbx")).plan.change).toBe("noop");
  });

  it("blocks a workspace missing from the subscription with ARM's message", async () => {
    const run = await attach("nodbx", { workspace_name: "dbx-gone" });
    expect(run.plan).toMatchObject({ change: "blocked", code: "E_NOT_FOUND", hint: expect.stringContaining("same subscription") });
    expect(run.plan.reason).toContain("The Resource 'Microsoft.Databricks/workspaces/dbx-gone' under resource group 'dbx-rg' was not found");
    expect(writes()).toEqual([]);
  });

  it("fails with Azure's code when the token is rejected", async () => {
    const run = await runStep(plugin, emulator, "attach", "dbx-bad", input({ access_token: "dapi-wrong" }), { secrets: ["dapi-wrong"] });
    expect(run.error).toMatchObject({ code: expect.stringMatching(/^E_/), message: expect.stringContaining("InvalidCredentials") });
    expect(JSON.stringify(run.events)).not.toContain("dapi-wrong");
  });

  it("refuses a second attachment, moves it with reattach: true, and detaches", async () => {
    await attach("dbx-a");
    const second = await attach("dbx-b");
    expect(second.plan).toMatchObject({ change: "blocked", code: "E_DUPLICATE_ATTACHMENT", hint: expect.stringContaining("detach dbx-a first") });
    expect((await attach("dbx-b", { reattach: true })).outputs).toMatchObject({ name: "dbx-b" });
    expect((await runStep(plugin, emulator, "detach", "dbx-b", {})).outputs).toEqual({ name: "dbx-b" });
    expect(writes().map((w) => `${w.method} ${w.path.split("?")[0]!.split("/").pop()}`)).toEqual(["PUT dbx-a", "DELETE dbx-a", "PUT dbx-b", "DELETE dbx-b"]);
  });
});
