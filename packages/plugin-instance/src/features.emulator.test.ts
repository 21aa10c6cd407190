import { startEmulator } from "@computeflow/emulator";
import type { RunningEmulator } from "@computeflow/emulator";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import plugin from "./index.js";
import { outputsOf, runStep, writes } from "@computeflow/compute-kit/testing";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ timeScale: 0.02, ssh: false });
});
afterAll(async () => emulator?.close());
beforeEach(() => emulator.reset());

const step = (input: Record<string, unknown>) => runStep(emulator, plugin, { id: "ci-sched", action: "provision" }, input);
const stopAt6 = { action: "stop", trigger: { type: "cron", expression: "0 18 * * *", time_zone: "W. Europe Standard Time" } };
const FULL = {
  idle_time_before_shutdown_minutes: 30,
  schedules: { compute_start_stop: [stopAt6] },
  setup_scripts: { creation_script: { path: "Users/admin/setup.sh", command: "--fast", timeout_minutes: 10 }, startup_script: { path: "Users/admin/start.sh" } },
  enable_node_public_ip: false,
};
const writeLog = () => writes(emulator).map((r) => `${r.method} ${r.path.split("/computes/")[1]}`);

describe("instance idle shutdown, schedules, setup scripts, node public IP (newer api-versions) against the emulator", () => {
  it("creates with every setting in one PUT at 2023-04-01, and the second run is a no-op", async () => {
    const first = await step(FULL);
    expect(first.plan.change).toBe("create");
    expect(first.plan.notes).toEqual(["the instance stops itself after 30 idle minutes; it costs money while running"]);
    outputsOf(first);
    expect(writeLog()).toEqual(["PUT ci-sched?api-version=2023-04-01"]);
    expect((writes(emulator)[0]?.body as any).properties.properties).toMatchObject({
      idleTimeBeforeShutdown: "PT30M",
      enableNodePublicIp: false,
      schedules: { computeStartStop: [{ status: "Enabled", action: "Stop", triggerType: "Cron", cron: { expression: "0 18 * * *", timeZone: "W. Europe Standard Time" } }] },
      setupScripts: { scripts: { creationScript: { scriptSource: "workspaceStorage", scriptData: "Users/admin/setup.sh", scriptArguments: "--fast", timeout: "10m" }, startupScript: { scriptSource: "workspaceStorage", scriptData: "Users/admin/start.sh" } } },
    });
    const again = await step(FULL);
    expect(again.plan).toMatchObject({ change: "noop" });
    outputsOf(again);
    expect(writeLog()).toHaveLength(1);
  });

  it("creates with setup scripts and node public IP through @azure/arm-machinelearning (2022-10-01), schedules raw at 2022-10-01", async () => {
    outputsOf(await step({ setup_scripts: FULL.setup_scripts, enable_node_public_ip: false }));
    outputsOf(await runStep(emulator, plugin, { id: "ci-other", action: "provision" }, { schedules: FULL.schedules }));
    expect(writeLog()).toEqual(["PUT ci-sched?api-version=2022-10-01", "PUT ci-other?api-version=2022-10-01"]);
    expect((await step({ setup_scripts: FULL.setup_scripts, enable_node_public_ip: false })).plan.change).toBe("noop");
    expect((await runStep(emulator, plugin, { id: "ci-other", action: "provision" }, { schedules: FULL.schedules })).plan.change).toBe("noop");
  });

  it("changing the idle shutdown or a schedule plans as an update, applied in place; then no-op", async () => {
    outputsOf(await step(FULL));
    const idle = await step({ ...FULL, idle_time_before_shutdown_minutes: 60 });
    expect(idle.plan).toMatchObject({
      change: "update",
      summary: "update instance ci-sched in place (updateIdleShutdownSetting)",
      diff: [{ path: "properties.properties.idleTimeBeforeShutdown", from: "PT30M", to: "PT60M" }],
    });
    outputsOf(idle);
    const start = { action: "start", trigger: { type: "recurrence", frequency: "week", interval: 1, schedule: { hours: [8], minutes: [0], week_days: ["monday", "friday"] }, time_zone: "UTC" } };
    const sched = await step({ ...FULL, idle_time_before_shutdown_minutes: 60, schedules: { compute_start_stop: [stopAt6, start] } });
    expect(sched.plan).toMatchObject({ change: "update", summary: "update instance ci-sched in place (updateSchedules)" });
    outputsOf(sched);
    expect(writeLog()).toEqual([
      "PUT ci-sched?api-version=2023-04-01",
      "POST ci-sched/updateIdleShutdownSetting?api-version=2023-04-01",
      "POST ci-sched/updateSchedules?api-version=2022-10-01",
    ]);
    const after = await step({ ...FULL, idle_time_before_shutdown_minutes: 60, schedules: { compute_start_stop: [stopAt6, start] } });
    expect(after.plan.change).toBe("noop");
  });

  it("a changed setup script or node public IP needs a replacement", async () => {
    outputsOf(await step(FULL));
    const scripts = await step({ ...FULL, setup_scripts: { creation_script: { path: "Users/admin/other.sh" } } });
    expect(scripts.plan).toMatchObject({ change: "replace-required", reason: "setupScripts cannot change on an existing compute instance" });
    const ip = await step({ ...FULL, enable_node_public_ip: true });
    expect(ip.plan).toMatchObject({ change: "replace-required", diff: [expect.objectContaining({ path: "properties.properties.enableNodePublicIp", from: false, to: true })] });
  });
});
