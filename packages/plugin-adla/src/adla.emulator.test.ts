import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { assertAttachConformance, runStep } from "@computeflow/attach-kit/testing";
import { EMULATOR_WORKSPACE } from "@computeflow/core/testing";
import { defaultWorld, startEmulator, type RunningEmulator } from "@computeflow/emulator";
import plugin from "./index.js";

const ADLA = `/subscriptions/${EMULATOR_WORKSPACE.subscriptionId}/resourceGroups/ml-rg/providers/Microsoft.DataLakeAnalytics/accounts/mladla`;
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ timeScale: 0.01, ssh: false, world: { ...defaultWorld(), canceled_computes: ["adla-off"] } });
});
afterAll(() => emulator?.close());
beforeEach(() => emulator.reset());

const writes = () => emulator.requests().filter((r) => r.method !== "GET");
const attach = (name: string, extra: Record<string, unknown> = {}) => runStep(plugin, emulator, "attach", name, { resource_group: "ml-rg", account_name: "mladla", ...extra });

describe("adla attach against the emulator", () => {
  it("a Canceled compute fails its step at once, not at the timeout (attach-kit's readiness)", async () => {
    const run = await attach("adla-off");
    expect(run.error).toMatchObject({ code: "E_PROVISIONING_FAILED", message: "attaching adla-off failed: Canceled: the operation was canceled in Azure" });
  });

  it("passes core's conformance check (attach, configure-run, detach, coded errors)", async () => {
    await assertAttachConformance(plugin, emulator, {
      name: "myadla",
      attach: { resource_group: "ml-rg", account_name: "mladla" },
      configureRun: { script_name: "s.usql" },
      failing: { with: { resource_group: "ml-rg", account_name: "nosuchadla" }, code: "E_NOT_FOUND" },
    });
  });

  it("verifies the account with arm-datalake-analytics, warns it is retired, and sends the DataLakeAnalytics body", async () => {
    const run = await attach("myadla");
    expect(run.plan.change).toBe("attach");
    expect(run.plan.notes?.[0]).toMatch(/^Azure Data Lake Analytics was retired on 2024-02-29/);
    expect(run.events).toContainEqual(expect.objectContaining({ type: "step_log", level: "warn", message: expect.stringContaining("retired on 2024-02-29") }));
    expect(run.outputs).toEqual({ name: "myadla", id: expect.stringMatching(/\/computes\/myadla$/), resource_id: ADLA });
    expect(writes().map((w) => w.body)).toEqual([
      { location: "westeurope", properties: { computeType: "DataLakeAnalytics", resourceId: ADLA, properties: { dataLakeStoreAccountName: "mladls" } } },
    ]);
    const read = emulator.requests().find((r) => r.path.startsWith(`${ADLA}?`));
    expect(read?.path).toContain("api-version=2016-11-01");
    expect((await attach("myadla")).plan.change).toBe("noop");
  });

  it("blocks a missing account with ARM's message", async () => {
    const run = await attach("noadla", { account_name: "nosuchadla" });
    expect(run.plan).toMatchObject({ change: "blocked", code: "E_NOT_FOUND" });
    expect(run.plan.reason).toContain("The Resource 'Microsoft.DataLakeAnalytics/accounts/nosuchadla' under resource group 'ml-rg' was not found");
    expect(writes()).toEqual([]);
  });

  it("refuses a second attachment, moves it with reattach: true, and detaches", async () => {
    await attach("adla-a");
    const second = await attach("adla-b");
    expect(second.plan).toMatchObject({ change: "blocked", code: "E_DUPLICATE_ATTACHMENT", hint: expect.stringContaining("detach adla-a first") });
    expect((await attach("adla-b", { reattach: true })).outputs).toMatchObject({ name: "adla-b" });
    expect((await runStep(plugin, emulator, "detach", "adla-b", {})).outputs).toEqual({ name: "adla-b" });
    expect(writes().map((w) => `${w.method} ${w.path.split("?")[0]!.split("/").pop()}`)).toEqual(["PUT adla-a", "DELETE adla-a", "PUT adla-b", "DELETE adla-b"]);
  });

  it("warns at validate time that the service is retired", () => {
    const problems = plugin.actions.attach!.check!({}, { stepId: "adla", computeName: "adla", workspace: EMULATOR_WORKSPACE, workflowDir: ".", isDefault: () => false });
    expect(problems).toEqual([expect.objectContaining({ severity: "warning", message: expect.stringContaining("retired on 2024-02-29") })]);
  });
});
