import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { assertAttachConformance, runStep } from "@computeflow/attach-kit/testing";
import { EMULATOR_WORKSPACE } from "@computeflow/core/testing";
import { defaultWorld, startEmulator, type RunningEmulator } from "@computeflow/emulator";
import plugin from "./index.js";

const ACCOUNT = `/subscriptions/${EMULATOR_WORKSPACE.subscriptionId}/resourceGroups/ml-rg/providers/Microsoft.Batch/batchAccounts/mlbatch`;
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ timeScale: 0.01, ssh: false, world: { ...defaultWorld(), canceled_computes: ["batch-off"] } });
});
afterAll(() => emulator?.close());
beforeEach(() => emulator.reset());

const writes = () => emulator.requests().filter((r) => r.method !== "GET");
const attach = (name: string, input: Record<string, unknown>) => runStep(plugin, emulator, "attach", name, input);

describe("batch attach against the emulator", () => {
  it("a Canceled compute fails its step at once, not at the timeout (attach-kit's readiness)", async () => {
    const run = await attach("batch-off", { resource_group: "ml-rg", account_name: "mlbatch" });
    expect(run.error).toMatchObject({ code: "E_PROVISIONING_FAILED", message: "attaching batch-off failed: Canceled: the operation was canceled in Azure" });
  });

  it("passes core's conformance check (attach, configure-run, detach, coded errors)", async () => {
    await assertAttachConformance(plugin, emulator, {
      name: "mybatch",
      attach: { resource_group: "ml-rg", account_name: "mlbatch" },
      configureRun: { pool_id: "p1", executable: "run.cmd" },
      failing: { with: { resource_group: "ml-rg", account_name: "nosuchbatch" }, code: "E_NOT_FOUND" },
    });
  });

  it("verifies the account with arm-batch and sends computeType Batch raw, with its properties intact", async () => {
    const run = await attach("mybatch", { resource_group: "ml-rg", account_name: "mlbatch" });
    expect(run.plan.change).toBe("attach");
    expect(run.plan.notes).toContain("Batch account mlbatch.westeurope.batch.azure.com is provisioned");
    expect(run.outputs).toEqual({ name: "mybatch", id: expect.stringMatching(/\/computes\/mybatch$/), resource_id: ACCOUNT });
    expect(writes().map((w) => w.body)).toEqual([{ location: "westeurope", properties: { computeType: "Batch", resourceId: ACCOUNT } }]);
    const accountRead = emulator.requests().find((r) => r.path.startsWith(`${ACCOUNT}?`));
    expect(accountRead?.path).toContain("api-version=2023-11-01");
    expect((await attach("mybatch", { resource_id: ACCOUNT })).plan.change).toBe("noop");
  });

  it("blocks a missing account with ARM's message and sends nothing", async () => {
    const run = await attach("nobatch", { resource_group: "ml-rg", account_name: "nosuchbatch" });
    expect(run.plan).toMatchObject({ change: "blocked", code: "E_NOT_FOUND" });
    expect(run.plan.reason).toContain("ResourceNotFound: The Resource 'Microsoft.Batch/batchAccounts/nosuchbatch' under resource group 'ml-rg' was not found");
    expect(writes()).toEqual([]);
  });

  it("refuses a second attachment of the account under another name; reattach: true moves it; detach removes it", async () => {
    await attach("batch-a", { resource_group: "ml-rg", account_name: "mlbatch" });
    const second = await attach("batch-b", { resource_id: ACCOUNT });
    expect(second.plan).toMatchObject({ change: "blocked", code: "E_DUPLICATE_ATTACHMENT", hint: expect.stringContaining("detach batch-a first") });
    const moved = await attach("batch-b", { resource_id: ACCOUNT, reattach: true });
    expect(moved.outputs).toMatchObject({ name: "batch-b" });
    const detached = await runStep(plugin, emulator, "detach", "batch-b", {});
    expect(detached.outputs).toEqual({ name: "batch-b" });
    expect(writes().map((w) => `${w.method} ${w.path.split("?")[0]!.split("/").pop()}`)).toEqual(["PUT batch-a", "DELETE batch-a", "PUT batch-b", "DELETE batch-b"]);
  });

  it("writes AzureBatchStep settings instead of a .runconfig, and says so", async () => {
    const dir = await mkdtemp(join(tmpdir(), "batch-run-"));
    const run = await runStep(plugin, emulator, "configure-run", "batch-step", { compute: "mybatch", pool_id: "pool1", executable: "azurebatch.cmd", create_pool: true }, { workflowDir: dir });
    expect(run.outputs).toEqual({ path: ".azureml/batch-step.pipeline-step.yml" });
    const text = await readFile(join(dir, ".azureml/batch-step.pipeline-step.yml"), "utf8");
    expect(text).toContain("stepType: AzureBatchStep\ncomputeTarget: mybatch\npool_id: pool1\n");
    expect(run.events.some((e) => e.type === "step_log" && e.message.includes("mybatch is a pipeline-step target (no .runconfig)"))).toBe(true);
  });
});
