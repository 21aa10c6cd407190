import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { AzureMachineLearningWorkspaces } from "@azure/arm-machinelearningservices";
import { startEmulator, type RunningEmulator } from "@computeflow/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clusterWorkflow, events, startCli, target, tempDir } from "./__fixtures__/engine-e2e.js";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ timeScale: 0.5, ssh: false });
});
afterAll(() => emu.close());

describe("nothing waits forever (real CLI, standalone emulator)", () => {
  it("a cluster deleted while the step waits for Succeeded fails the step at once, naming the state", async () => {
    const dir = tempDir("off-path");
    writeFileSync(join(dir, "wf.yaml"), clusterWorkflow("off-path", [{ id: "gone" }]));
    const { flags, env } = target(emu, dir, 0.5);
    const cli = startCli(["run", "wf.yaml", "--json", ...flags], { cwd: dir, env });
    await cli.waitForLine((l) => l.includes('"step_progress"'), 60_000);
    const client = new AzureMachineLearningWorkspaces({ getToken: async () => ({ token: "t", expiresOnTimestamp: Date.now() + 3_600_000 }) }, "00000000-0000-0000-0000-000000000000", { endpoint: emu.endpoint, tlsOptions: { ca: emu.caCert } } as never);
    await client.computeOperations.beginDelete("ml-rg", "ml-ws", "gone", "Delete");
    const done = await cli.done;
    expect(done.code).toBe(1);
    const finished = events(done.stdout).find((e) => e.type === "step_finished");
    expect(finished).toMatchObject({ step: "gone", status: "failed", error: { code: "E_UNEXPECTED_STATE", message: "cluster gone went to Deleting while this step waited for Succeeded" } });
  });
});
