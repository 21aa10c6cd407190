import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runWorkflow } from "@computeflow/core/testing";
import { startEmulator } from "@computeflow/emulator";

const WORKFLOW = join(dirname(fileURLToPath(import.meta.url)), "..", "workflow.yaml");

/** @type {import("@computeflow/emulator").RunningEmulator} */
let emulator;
beforeAll(async () => {
  emulator = await startEmulator({ timeScale: 0.01, ssh: false });
});
afterAll(() => emulator?.close());

describe("workflow.yaml (uses: ./src/index.js) through the real engine", () => {
  it("runs green, the local step reads the plugin's output, and a second run changes nothing", async () => {
    const opts = { endpoint: emulator.endpoint, caCert: emulator.caCert, timeScale: 0.01 };
    const first = await runWorkflow(WORKFLOW, opts);
    expect(first.status).toBe("succeeded");
    expect(first.outputs["hello-cluster"]).toMatchObject({ name: "hello-cluster", greeting: "Hello from a third-party plugin", provisioning_state: "Succeeded" });
    expect(first.outputs["hello-run"]).toMatchObject({ target: "local", path: "jobs/hello-run.yml" });
    const second = await runWorkflow(WORKFLOW, opts);
    const statuses = second.events.filter((e) => e.type === "step_finished").map((e) => /** @type {any} */ (e).status);
    expect(statuses).toEqual(["noop", "noop"]);
  });
});
