import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { startEmulator, type RunningEmulator } from "@computeflow/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clusterWorkflow, events, runCliTo, target, tempDir } from "./__fixtures__/engine-e2e.js";

const SCALE = 0.05;
let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ timeScale: SCALE, ssh: false });
});
afterAll(() => emu.close());

describe("computeflow plan (real CLI against the emulator)", () => {
  it("shows create, update (with the diff), no-op and replace-required, changing nothing", async () => {
    const dir = tempDir("plan");
    const { flags, env } = target(emu, dir, SCALE);
    const file = join(dir, "wf.yaml");
    writeFileSync(file, clusterWorkflow("plan", [{ id: "pl-same" }, { id: "pl-grow" }, { id: "pl-size" }]));
    expect((await runCliTo(["run", "wf.yaml", ...flags], { cwd: dir, env })).code).toBe(0);

    writeFileSync(file, clusterWorkflow("plan", [{ id: "pl-same" }, { id: "pl-grow", maxNodes: 3 }, { id: "pl-size", vmSize: "STANDARD_D3_V2" }, { id: "pl-new" }]));
    const writesBefore = emu.requests().filter((r) => r.method !== "GET").length;
    const json = await runCliTo(["plan", "wf.yaml", "--json", ...flags], { cwd: dir, env });
    expect(json.code).toBe(0);
    const planned = Object.fromEntries(events(json.stdout).filter((e) => e.type === "step_planned").map((e) => [e.step, e]));
    expect(planned["pl-same"]).toMatchObject({ change: "noop" });
    expect(planned["pl-grow"]).toMatchObject({ change: "update" });
    expect(JSON.stringify(planned["pl-grow"])).toContain("maxNodeCount");
    expect(planned["pl-size"]).toMatchObject({ change: "replace-required" });
    expect(planned["pl-new"]).toMatchObject({ change: "create" });
    expect(JSON.stringify(planned)).not.toContain('"state"');
    expect(emu.requests().filter((r) => r.method !== "GET").length).toBe(writesBefore);

    const text = await runCliTo(["plan", "wf.yaml", ...flags], { cwd: dir, env });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/pl-grow: plan update/);
    expect(text.stdout).toMatch(/~ .*maxNodeCount: 1 -> 3/);
    expect(text.stdout).toMatch(/pl-size: plan replace-required/);
    expect(text.stdout).toContain("--allow-replace");

    const refused = await runCliTo(["run", "wf.yaml", ...flags], { cwd: dir, env });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("error[E_REPLACE_REQUIRED]");
    expect(refused.stdout).toMatch(/pl-new\s+succeeded/);
  });

  it("after a run, plans the configure-run steps as no-ops, as the next run finds them, until what they read changes", async () => {
    const dir = tempDir("plan-rerun");
    const { flags, env } = target(emu, dir, SCALE);
    const file = join(dir, "wf.yaml");
    writeFileSync(join(dir, "train.py"), "\n");
    writeFileSync(file, clusterWorkflow("plan-rerun", [{ id: "pr-a" }], ["pr-a"]));
    expect((await runCliTo(["run", "wf.yaml", ...flags], { cwd: dir, env })).code).toBe(0);
    const changes = async () => {
      const plan = await runCliTo(["plan", "wf.yaml", "--json", ...flags], { cwd: dir, env });
      expect(plan.code).toBe(0);
      return Object.fromEntries(events(plan.stdout).filter((e) => e.type === "step_planned").map((e) => [e.step, e.change]));
    };
    expect(await changes()).toEqual({ "pr-a": "noop", "pr-a-run": "noop" });
    const rerun = await runCliTo(["run", "wf.yaml", "--json", ...flags], { cwd: dir, env });
    expect(Object.fromEntries(events(rerun.stdout).filter((e) => e.type === "step_planned").map((e) => [e.step, e.change]))).toEqual({ "pr-a": "noop", "pr-a-run": "noop" });

    writeFileSync(file, clusterWorkflow("plan-rerun", [{ id: "pr-a", maxNodes: 3 }], ["pr-a"]));
    expect(await changes()).toEqual({ "pr-a": "update", "pr-a-run": "write" });
  }, 120_000);
});
