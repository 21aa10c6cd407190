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

const provision = (input: Record<string, unknown>) => runStep(emulator, plugin, { id: "ci-bob", action: "provision" }, input);
const writePaths = () => writes(emulator).map((r) => `${r.method} ${r.path.split("?")[0]!.split("/").pop()}`);

describe("provision with.state: the instance's power state at the end of the run", () => {
  it("state: stopped creates the instance, stops it, and a second run is a no-op", async () => {
    const first = await provision({ state: "stopped" });
    expect(first.plan.change).toBe("create");
    expect(first.plan.summary).toContain("then stop it");
    expect(outputsOf(first)).toMatchObject({ name: "ci-bob", state: "Stopped" });
    expect(writePaths()).toEqual(["PUT ci-bob", "POST stop"]);

    const second = await provision({ state: "stopped" });
    expect(second.plan.change).toBe("noop");
    expect(second.result?.changed).toBe(false);
    expect(outputsOf(second)).toMatchObject({ state: "Stopped" });
    expect(writePaths()).toEqual(["PUT ci-bob", "POST stop"]);
  });

  it("a running instance with state: stopped is stopped once, then left alone", async () => {
    outputsOf(await provision({}));
    const stop = await provision({ state: "stopped" });
    expect(stop.plan.change).toBe("stop");
    expect(outputsOf(stop)).toMatchObject({ state: "Stopped" });
    const again = await provision({ state: "stopped" });
    expect(again.plan.change).toBe("noop");
    expect(writePaths()).toEqual(["PUT ci-bob", "POST stop"]);
  });

  it("state: running (the default) starts a stopped instance; running again is a no-op", async () => {
    outputsOf(await provision({ state: "stopped" }));
    const start = await provision({ state: "running" });
    expect(start.plan.change).toBe("start");
    expect(outputsOf(start)).toMatchObject({ state: "Running" });
    const again = await provision({});
    expect(again.plan.change).toBe("noop");
    expect(writePaths()).toEqual(["PUT ci-bob", "POST stop", "POST start"]);
  });

  it("a tag change on a stopped instance with state: stopped updates it and leaves it stopped", async () => {
    outputsOf(await provision({ state: "stopped" }));
    const update = await provision({ state: "stopped", tags: { owner: "bob" } });
    expect(update.plan.change).toBe("update");
    expect(outputsOf(update)).toMatchObject({ state: "Stopped" });
    expect(writePaths()).toEqual(["PUT ci-bob", "POST stop", "PUT ci-bob"]);
  });

  it("refuses any other state at validation", () => {
    const schema = plugin.actions.provision!.schema as { properties: { state: { enum: string[] } } };
    expect(schema.properties.state.enum).toEqual(["running", "stopped"]);
  });
});
