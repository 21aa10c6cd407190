import { startEmulator } from "@computeflow/emulator";
import type { RunningEmulator } from "@computeflow/emulator";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleCopy, runExample } from "@computeflow/compute-kit/testing";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ timeScale: 0.02, ssh: false });
});
afterAll(async () => emulator?.close());

describe("examples/instance.yaml end to end (core engine + emulator)", () => {
  it("creates the instance under its unique name, leaves it stopped, reruns as a no-op, and destroys it", async () => {
    const file = join(exampleCopy("instance.yaml"), "instance.yaml");
    const run = await runExample(emulator, file, "run");
    expect(run.status).toBe("succeeded");
    const name = run.outputs.notebook?.name;
    expect(name).toMatch(/^notebook-[0-9a-f]{8}$/);
    expect(run.outputs.notebook).toMatchObject({ name, state: "Stopped" });
    const writesBefore = emulator.requests().filter((r) => r.method !== "GET").length;
    const again = await runExample(emulator, file, "run");
    expect(again.events.filter((e) => e.type === "step_planned").map((e) => [e.step, e.change])).toEqual([["notebook", "noop"]]);
    expect(emulator.requests().filter((r) => r.method !== "GET").length).toBe(writesBefore);
    const destroy = await runExample(emulator, file, "destroy");
    expect(destroy.status).toBe("succeeded");
    expect(emulator.requests().filter((r) => r.method === "DELETE").map((r) => r.path.split("?")[0]!.split("/").pop())).toEqual([name]);
  });
});
