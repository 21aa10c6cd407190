import { existsSync } from "node:fs";
import { join } from "node:path";
import { startEmulator } from "@computeflow/emulator";
import type { RunningEmulator } from "@computeflow/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleCopy, runExample } from "@computeflow/compute-kit/testing";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ timeScale: 0.02, ssh: false });
});
afterAll(async () => emulator?.close());

describe("examples/amlcompute.yaml end to end (core engine + emulator)", () => {
  it("plans, runs green, reruns as no-ops, and destroys", async () => {
    const dir = exampleCopy("amlcompute.yaml", "local-conda.yaml");
    const file = join(dir, "amlcompute.yaml");
    const plan = await runExample(emulator, file, "plan");
    // independent steps plan concurrently: compare by step, not by event order
    expect(Object.fromEntries(plan.events.filter((e) => e.type === "step_planned").map((e) => [e.step, e.change]))).toEqual({
      "cpu-cluster": "create", "lowpri-cluster": "create", "cpu-run": "write",
    });
    const run = await runExample(emulator, file, "run");
    expect(run.status).toBe("succeeded");
    expect(run.outputs["cpu-cluster"]).toMatchObject({ name: "cpu-cluster", vm_size: "STANDARD_D2_V2", max_nodes: 4 });
    expect(existsSync(join(dir, "jobs/cpu-run.yml"))).toBe(true);
    expect(JSON.stringify(run.events)).not.toContain(emulator.demoSecrets.AML_ADMIN_PASSWORD);
    const again = await runExample(emulator, file, "run");
    expect(again.steps).toEqual({ "cpu-cluster": "noop", "lowpri-cluster": "noop", "cpu-run": "noop" });
    const destroy = await runExample(emulator, file, "destroy");
    expect(destroy.status).toBe("succeeded");
    expect(emulator.requests().filter((r) => r.method === "DELETE").map((r) => r.path.split("?")[0]!.split("/").pop()).sort()).toEqual(["cpu-cluster", "lowpri-cluster"]);
  });
});
