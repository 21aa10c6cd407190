import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { defaultWorld, startEmulator, type RunningEmulator } from "@computeflow/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clusterWorkflow, events, runCliTo, target, tempDir } from "./__fixtures__/engine-e2e.js";

let emu: RunningEmulator;
beforeAll(async () => {
  // A cluster named "stuck" stays Creating for ever, as a create Azure never finishes would.
  emu = await startEmulator({ timeScale: 0.01, ssh: false, world: { ...defaultWorld(), hanging_computes: ["stuck"] } });
});
afterAll(() => emu.close());

describe("nothing waits forever: the default timeout of an action (real CLI, standalone emulator)", { timeout: 120_000 }, () => {
  it("a provision step without timeout_minutes fails with E_TIMEOUT naming the provision default (60 minutes, scaled down by COMPUTEFLOW_TIMEOUT_SCALE)", async () => {
    const dir = tempDir("default-timeout");
    writeFileSync(join(dir, "wf.yaml"), clusterWorkflow("default-timeout", [{ id: "stuck" }, { id: "after", needs: ["stuck"] }]));
    const { flags, env } = target(emu, dir, 0.01);
    // 60 minutes x 0.001 = 3.6 s of waiting.
    const done = await runCliTo(["run", "wf.yaml", "--json", ...flags], { cwd: dir, env: { ...env, COMPUTEFLOW_TIMEOUT_SCALE: "0.001" } });
    expect(done.code, done.stderr).toBe(1);
    const ev = events(done.stdout);
    expect(ev.some((e) => e.type === "step_progress" && e.step === "stuck")).toBe(true);
    expect(ev.find((e) => e.type === "step_finished" && e.step === "stuck")).toMatchObject({
      status: "failed",
      error: { code: "E_TIMEOUT", message: 'step "stuck" exceeded the default timeout of provision steps (60 minutes)', hint: expect.stringContaining("timeout_minutes") },
    });
    expect(ev.find((e) => e.type === "step_finished" && e.step === "after")).toMatchObject({ status: "skipped" });
  });

  it("refuses a COMPUTEFLOW_TIMEOUT_SCALE it cannot read, before anything is sent", async () => {
    const dir = tempDir("default-timeout-bad");
    writeFileSync(join(dir, "wf.yaml"), clusterWorkflow("default-timeout-bad", [{ id: "never" }]));
    const { flags, env } = target(emu, dir, 0.01);
    const before = emu.requests().length;
    const done = await runCliTo(["run", "wf.yaml", ...flags], { cwd: dir, env: { ...env, COMPUTEFLOW_TIMEOUT_SCALE: "-1" } });
    expect(done.code).toBe(2);
    expect(done.stderr).toContain('COMPUTEFLOW_TIMEOUT_SCALE must be a positive number (got "-1")');
    expect(emu.requests().length).toBe(before);
  });
});
