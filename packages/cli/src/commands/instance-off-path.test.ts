import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { AzureMachineLearningWorkspaces } from "@azure/arm-machinelearningservices";
import { startEmulator, type RunningEmulator } from "@computeflow/emulator";
import { afterEach, describe, expect, it } from "vitest";
import { events, startCli, target, tempDir } from "./__fixtures__/engine-e2e.js";

const INSTANCE = `version: 1
name: instance-off-path
workspace:
  subscription_id: \${{ env.AZURE_SUBSCRIPTION_ID }}
  resource_group: ml-rg
  name: ml-ws
steps:
  ci-off-path:
    uses: instance
    action: provision
    with:
      vm_size: STANDARD_D3_V2
`;

let emu: RunningEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

function mlClient(e: RunningEmulator): AzureMachineLearningWorkspaces {
  return new AzureMachineLearningWorkspaces({ getToken: async () => ({ token: "t", expiresOnTimestamp: Date.now() + 3_600_000 }) }, "00000000-0000-0000-0000-000000000000", { endpoint: e.endpoint, tlsOptions: { ca: e.caCert } } as never);
}

describe("an instance that leaves the path to Running fails the step at once, naming the state (real CLI, standalone emulator)", { timeout: 120_000 }, () => {
  // The emulator's clock moves only when the test moves it, and the CLI's reads of the
  // computes are answered 503 (Retry-After) while the test moves the instance, so the CLI
  // sees exactly the state the test leaves, never one in between.
  it.for(["Stopping", "Stopped"])("stopped by someone else while the step waits for Running: the CLI sees %s and fails with E_UNEXPECTED_STATE", async (seen) => {
    let now = Date.now();
    const e = (emu = await startEmulator({ timeScale: 1, ssh: false, clock: () => now }));
    const dir = tempDir("instance-off-path");
    writeFileSync(join(dir, "wf.yaml"), INSTANCE);
    const { flags, env } = target(e, dir, 0.05);
    const cli = startCli(["run", "wf.yaml", "--json", ...flags], { cwd: dir, env });
    await cli.waitForLine((l) => l.includes('"step_progress"') && l.includes('"state":"Creating"'), 60_000);

    e.setFaults("rate=1,kinds=503,retry_after=0.5,ops=computes.list+computes.get");
    const client = mlClient(e);
    now += 3_600_000; // the create is done: Running
    await client.computeOperations.beginStop("ml-rg", "ml-ws", "ci-off-path");
    if (seen === "Stopped") now += 3_600_000; // and the stop too
    e.setFaults(undefined);
    const state = (await client.computeOperations.get("ml-rg", "ml-ws", "ci-off-path")).properties as { properties?: { state?: string } };
    expect(state.properties?.state).toBe(seen);

    const done = await cli.done;
    expect(done.code, done.stderr).toBe(1);
    const finished = events(done.stdout).find((x) => x.type === "step_finished");
    expect(finished).toMatchObject({ step: "ci-off-path", status: "failed", error: { code: "E_UNEXPECTED_STATE", message: `compute instance ci-off-path went to ${seen} while this step waited for Running` } });
  });
});
